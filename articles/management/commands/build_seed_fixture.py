import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.management import seed


class Command(BaseCommand):
    help = (
        "Rebuild articles/fixtures/seed_article.json and its stand-in photos from the seed "
        "story's text. For developers: the fixture is committed; loaddata does not run this."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=Path, default=seed.SEED_TEXT)
        parser.add_argument("--output", type=Path, default=seed.FIXTURES / "seed_article.json")

    def handle(self, source, output, **options):
        if not source.is_file():
            raise CommandError(f"No seed text at {source}.")
        try:
            objects = seed.build_fixture(
                source.read_text(encoding="utf-8"), seed.FIXTURES / "media"
            )
        except ValueError as error:
            raise CommandError(f"The seed text does not read as expected: {error}") from error
        output.write_text(
            json.dumps(objects, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        self.stdout.write(f"Wrote {len(objects)} objects to {output}.")
