from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.management.seed import ARTICLE
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Load the seed story (the seed_article fixture) into a newsroom that does not have "
        "it yet. Once it is there, editors own it: running this again changes nothing, "
        "so their edits, republications and corrections stay. (loaddata seed_article, by "
        "contrast, puts the story back exactly as the fixture has it.)"
    )

    def handle(self, *args, **options):
        if Article.objects.filter(language=ARTICLE["language"], slug=ARTICLE["slug"]).exists():
            self.stdout.write("The seed story is already here; editors' changes are kept.")
            return
        call_command("loaddata", "seed_article", verbosity=options["verbosity"])
