#!/usr/bin/env python
"""Benchmark the public API against its ceiling, on SQLite and PostgreSQL.

For each database: make sure the archive has N articles (generate_archive), start the
app under gunicorn (sync workers, production settings), and drive it with wrk from a
second process on 127.0.0.1, each endpoint warmed up unrecorded first. Endpoints:
article detail by slug, list of 20, list of 20 in a section, search, RSS feed, ninjs,
a 304 revalidation; and, in the same run, a bare Django view returning a constant JSON
body the size of an article (the ceiling). Each is printed with requests/s, p50, p95
and p99 latency and its ratio to the
ceiling, with the response cache on (production default) and off (every read
queries the database).

    python bench/api.py --articles 1000 --database sqlite
    python bench/api.py --articles 100000 --database both --duration 10

Needs wrk (Debian package "wrk"). PostgreSQL is reached at BENCH_POSTGRES_URL
(default postgres://postgres@127.0.0.1:5432/newsroom_bench, created if missing).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "bench" / "var"
PYTHON = sys.executable
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
)


def database_url(kind, articles):
    if kind == "sqlite":
        return f"sqlite:///{VAR / f'archive-{articles}.sqlite3'}"
    return f"{POSTGRES_URL}_{articles}"


def environment(url, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": url,
        "NEWSROOM_VAR_DIR": str(VAR),
        "MEDIA_ROOT": str(VAR / "media"),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        # The load generator is one client: lift the per-client rate limits.
        "API_RATE_ANONYMOUS": "100000000/second",
        "API_RATE_USER": "100000000/second",
    }
    env.update(extra)
    return env


def manage(url, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment(url), check=True)


def ensure_archive(kind, articles):
    VAR.mkdir(parents=True, exist_ok=True)
    url = database_url(kind, articles)
    if kind == "postgres":
        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], capture_output=True)
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "collectstatic", "--noinput", "-v0")  # as a production start does
    count = int(
        subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                "from articles.models import ArticleVersion as V; print(V.objects.live().count())",
            ],
            cwd=ROOT,
            env=environment(url),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
    )
    if count < articles:
        print(f"[{kind}] generating {articles - count} articles (have {count})", flush=True)
        manage(url, "generate_archive", "--articles", str(articles - count))
    # Fresh planner statistics, as autovacuum (PostgreSQL) or PRAGMA optimize would give.
    manage(
        url,
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute('ANALYZE')",
    )
    return url


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url, workers, ceiling_file, cache):
        self.port = free_port()
        env = environment(
            url,
            NEWSROOM_BENCH_CEILING_FILE=str(ceiling_file),
            NEWSROOM_RESPONSE_CACHE="1" if cache else "0",
        )
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "-w",
                str(workers),
                "-k",
                "sync",
                "-b",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/api/v1/", timeout=1)
                return
            except Exception:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not start")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.read(), dict(response.headers)


LUA_PATHS = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {%s})
end
done = function(summary, latency, requests)
  io.write(string.format("p95 %%d\\n", latency:percentile(95)))
end
"""


def wrk(base, paths, duration, connections, headers=None):
    headers = headers or {}
    script = LUA_PATHS % (
        ", ".join(json.dumps(p) for p in paths),
        ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()),
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    output = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--latency",
            "-s",
            handle.name,
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, flags=re.MULTILINE))
    p95 = re.search(r"^p95 (\d+)", output, flags=re.MULTILINE)
    latency["95"] = f"{int(p95.group(1)) / 1000:.2f}ms" if p95 else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rate,
        "p50": latency.get("50"),
        "p95": latency.get("95"),
        "p99": latency.get("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def archive_size(kind, url):
    """The database's size on disk, for the table's heading."""
    if kind == "sqlite":
        size = Path(url.removeprefix("sqlite:///")).stat().st_size
    else:
        size = int(
            subprocess.run(
                ["psql", url, "-Atc", "SELECT pg_database_size(current_database())"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.0f} MB"


def run(kind, articles, args):
    url = ensure_archive(kind, args.articles)
    print(f"[{kind}] archive: {articles:,} articles, database {archive_size(kind, url)}")
    results = []
    for cache in (True, False):
        VAR.mkdir(parents=True, exist_ok=True)
        ceiling_file = VAR / "ceiling.json"
        probe = Server(
            url,
            args.workers,
            ceiling_file if ceiling_file.exists() else ROOT / "pyproject.toml",
            cache,
        )
        try:
            listing = json.loads(fetch(probe.base + "/api/v1/articles/?page_size=100")[0])
            slugs = [item["slug"] for item in listing["results"]]
            page = (
                json.loads(
                    fetch(
                        probe.base
                        + "/api/v1/articles/?page_size=100&cursor="
                        + listing["next"].split("cursor=")[1]
                    )[0]
                )
                if listing["next"]
                else {"results": []}
            )
            slugs += [item["slug"] for item in page["results"]]
            sections = sorted({item["section"]["path"] for item in listing["results"]})
            detail, _ = fetch(probe.base + f"/api/v1/articles/{slugs[0]}/")
            ceiling_file.write_bytes(detail)
            words = [item["headline"].split()[-1] for item in listing["results"]][:50]
        finally:
            probe.stop()
        server = Server(url, args.workers, ceiling_file, cache)
        try:
            etag = fetch(server.base + f"/api/v1/articles/{slugs[0]}/")[1]["ETag"]
            cases = [
                ("ceiling (bare Django, constant JSON)", ["/bench/ceiling/"], None),
                ("article detail by slug", [f"/api/v1/articles/{s}/" for s in slugs], None),
                ("list of 20", ["/api/v1/articles/?page_size=20"], None),
                (
                    "list of 20 in a section",
                    [f"/api/v1/articles/?section={s}" for s in sections],
                    None,
                ),
                ("search", [f"/api/v1/articles/?q={w}" for w in words], None),
                ("RSS feed", ["/feeds/rss/"], None),
                ("ninjs", [f"/api/v1/articles/{s}/ninjs/" for s in slugs], None),
                ("304 revalidation", [f"/api/v1/articles/{slugs[0]}/"], {"If-None-Match": etag}),
            ]
            ceiling = None
            for name, paths, extra in cases:
                # Unrecorded, first: every path through every worker, so the figures
                # are the steady state (caches filled, pages in memory), not the start.
                wrk(server.base, paths, args.warmup, args.connections, extra)
                figures = wrk(server.base, paths, args.duration, args.connections, extra)
                ceiling = ceiling or figures["rps"]
                figures.update(name=name, ratio=figures["rps"] / ceiling, cache=cache)
                results.append(figures)
                print(
                    f"[{kind} {articles} cache={'on' if cache else 'off'}] {name}: "
                    f"{figures['rps']:.0f} req/s, p50 {figures['p50']}, p95 {figures['p95']}, "
                    f"p99 {figures['p99']}, "
                    f"{figures['ratio']:.2f}x ceiling, errors {figures['errors']}",
                    flush=True,
                )
        finally:
            server.stop()
    return results


def table(kind, articles, results):
    lines = [
        f"\n### {kind}, {articles:,} articles, {results and 'gunicorn sync workers'}\n",
        "| endpoint | cache | req/s | p50 | p95 | p99 | x ceiling |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cache = "on" if r["cache"] else "off"
        rate, ratio = f"{r['rps']:.0f}", f"{r['ratio']:.2f}"
        lines.append(
            f"| {r['name']} | {cache} | {rate} | {r['p50']} | {r['p95']} | {r['p99']} | {ratio} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2, help="Seconds per endpoint, unrecorded.")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("This benchmark needs wrk: apt-get install wrk")
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    output = []
    for kind in kinds:
        output.append(table(kind, args.articles, run(kind, args.articles, args)))
    print("\n".join(output))


if __name__ == "__main__":
    main()
