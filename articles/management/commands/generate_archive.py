from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max
from tqdm import tqdm

from articles.management.archive import ArchiveGenerator
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Generate a synthetic archive of published articles shaped like the seed story "
        "(about 25 paragraphs, 2 subheadings, 4 quotes, 2 photos each), for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="How many to add.")
        parser.add_argument("--batch-size", type=int, default=250)
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed, for repeatable text."
        )

    def handle(self, articles, batch_size, seed, **options):
        if articles < 1 or batch_size < 1:
            raise CommandError("--articles and --batch-size must be at least 1.")
        existing = Article.objects.filter(slug__startswith="archive-story-").count()
        generator = ArchiveGenerator(seed=seed + existing)
        if existing:
            # Continue after what is there, older than it, so slugs and dates never clash.
            oldest = Article.objects.filter(slug__startswith="archive-story-").aggregate(
                last=Max("first_published_at")
            )
            generator.start = (
                oldest["last"] - generator.spacing * existing
                if oldest["last"]
                else generator.start
            )
        with tqdm(total=articles, unit="article", disable=options["verbosity"] == 0) as bar:
            generator.create(
                articles, first_index=existing, batch_size=batch_size, progress=bar.update
            )
        self.stdout.write(
            f"Added {articles} published articles ({existing + articles} in the archive)."
        )
