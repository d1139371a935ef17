#!/usr/bin/env python
"""Benchmark: saving the largest article the limits allow, through the write API.

    python bench/article_write.py --database both --repeat 3

The article sits at every limit of ``articles/limits.py`` that a request body within
``DATA_UPLOAD_MAX_MEMORY_SIZE`` can hold: 1,000 blocks (paragraphs of 5,000 characters
with links and emphasis, subheadings, 50 lists of 200 items, photos, pull quotes,
embeds), 500 quotes placed in their paragraphs, 50 bylines, 100 tags, 100 people.
Each round creates it (``POST /api/v1/desk/articles/``) and then replaces it whole
(``PUT .../<id>/`` with ``If-Match``), in-process through Django's test client with a
token, on a freshly migrated database; the median of the rounds is printed, with the
number of queries each save ran (create/replace).

PostgreSQL is reached at BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/newsroom_bench_write, created if missing).
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "bench" / "var"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_write"
)


def article(n, photos, limits):
    """Return the request body of the largest article, its slug made unique by ``n``."""
    words = "negotiators said the talks in Doha would continue through the night".split()
    quotes, blocks = [], []
    lists, headings, embeds, pulls = 50, 100, 20, 30
    paragraphs = limits.MAX_BLOCKS - lists - headings - embeds - pulls - len(photos)
    for index in range(paragraphs):
        sentence = " ".join(words[(index + k) % len(words)] for k in range(12))
        spoken = f"We must prevent this, number {index}"
        link = f"<a href='https://example.org/{index}'>more</a>"
        text = f"“{spoken},” said the spokesman. <b>{sentence}</b> {link}. "
        text += (sentence + ". ") * ((5_000 - len(text)) // (len(sentence) + 2))
        blocks.append({"kind": "paragraph", "text": text})
        if len(quotes) < limits.MAX_QUOTES:
            quotes.append(
                {
                    "text": spoken,
                    "speaker": f"person-{index % limits.MAX_PEOPLE}",
                    "speaker_role": "spokesman",
                    "block": len(blocks) - 1,
                    "offset": 1,
                }
            )
    for index in range(headings):
        blocks.insert(index * 8, {"kind": "heading", "text": f"Part {index} of the story"})
    for index in range(lists):
        items = [f"Point {item} of list {index}, in a few words" for item in range(200)]
        blocks.insert(index * 16 + 3, {"kind": "list", "items": items})
    for index in range(embeds):
        blocks.insert(index * 40 + 5, {"kind": "embed", "url": f"https://example.org/v/{index}"})
    for index, photo in enumerate(photos):
        blocks.insert(index * 90 + 2, {"kind": "photo", "photo": photo})
    for index in range(pulls):
        blocks.insert(index * 30 + 7, {"kind": "quote", "quote": index})
    # Quote placements name blocks by index: recompute them after the insertions.
    positions = {id(block): position for position, block in enumerate(blocks)}
    paragraph_blocks = [block for block in blocks if block["kind"] == "paragraph"]
    for index, quote in enumerate(quotes):
        quote["block"] = positions[id(paragraph_blocks[index])]
    if len(blocks) != limits.MAX_BLOCKS:
        raise RuntimeError(f"{len(blocks)} blocks, not {limits.MAX_BLOCKS}.")
    return {
        "headline": f"The longest story {n}",
        "slug": f"the-longest-story-{n}",
        "section": "world",
        "dek": "d" * limits.MAX_DEK,
        "tags": [f"tag-{index}" for index in range(limits.MAX_TAGS)],
        "people": [f"person-{index}" for index in range(limits.MAX_PEOPLE)],
        "bylines": [{"person": f"person-{index}"} for index in range(limits.MAX_BYLINES)],
        "blocks": blocks,
        "quotes": quotes,
    }


def run_one(repeat):
    """Measure in this process (DATABASE_URL set by the caller); print JSON figures."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from knox.models import AuthToken
    from PIL import Image

    from articles import limits
    from articles.desk.permissions import roles_setup
    from articles.models import Person, Section, Tag
    from media.services import photo_ingest

    call_command("migrate", "--noinput", verbosity=0)
    roles_setup()
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    _instance, token = AuthToken.objects.create(user=user)
    Section.objects.create(name="World", slug="world")
    Person.objects.bulk_create(
        Person(name=f"Person {index}", slug=f"person-{index}")
        for index in range(limits.MAX_PEOPLE)
    )
    Tag.objects.bulk_create(
        Tag(name=f"Tag {index}", slug=f"tag-{index}") for index in range(limits.MAX_TAGS)
    )
    photos = []
    for index in range(10):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (index * 20, 90, 90)).save(buffer, "JPEG")
        upload = SimpleUploadedFile(f"p{index}.jpg", buffer.getvalue(), "image/jpeg")
        photos.append(photo_ingest(file=upload, uploaded_by=user, credit_creator="Bench").pk)

    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    created, replaced, size, queries = [], [], 0, [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    counts = {}
    for n in range(repeat):
        body = json.dumps(article(n, photos, limits))
        size = len(body)
        if size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise SystemExit(f"The article is {size} bytes, over the body limit.")
        queries[0] = 0
        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = client.post("/api/v1/desk/articles/", body, content_type="application/json")
        created.append(time.perf_counter() - start)
        counts["create"] = queries[0]
        if response.status_code != 201:
            raise RuntimeError(response.content[:2000])
        article_id = response.json()["id"]
        queries[0] = 0
        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = client.put(
                f"/api/v1/desk/articles/{article_id}/",
                body,
                content_type="application/json",
                HTTP_IF_MATCH=response["ETag"],
            )
        replaced.append(time.perf_counter() - start)
        counts["replace"] = queries[0]
        if response.status_code != 200:
            raise RuntimeError(response.content[:2000])
    print(json.dumps({"bytes": size, "create": created, "replace": replaced, "queries": counts}))


def measure(kind, repeat):
    VAR.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        path = VAR / "article-write.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        url = POSTGRES_URL
        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        import psycopg

        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": url,
        "NEWSROOM_VAR_DIR": str(VAR),
        "MEDIA_ROOT": str(VAR / "media-write"),
        "TASKS_BACKEND": "immediate",
        "API_RATE_USER": "100000/minute",
        "LOG_LEVEL": "WARNING",
    }
    output = subprocess.run(
        [sys.executable, __file__, "--child", "--repeat", str(repeat)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        sys.path.insert(0, str(ROOT))
        run_one(options.repeat)
        return
    kinds = ["sqlite", "postgres"] if options.database == "both" else [options.database]
    print(f"{'database':10} {'body':>9} {'create (s)':>11} {'replace (s)':>12} {'queries':>12}")
    for kind in kinds:
        figures = measure(kind, options.repeat)
        create = statistics.median(figures["create"])
        replace = statistics.median(figures["replace"])
        queries = "{create}/{replace}".format(**figures["queries"])
        size = f"{figures['bytes'] / 1e6:.2f}M"
        print(f"{kind:10} {size:>9} {create:11.2f} {replace:12.2f} {queries:>12}")


if __name__ == "__main__":
    main()
