from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wire.evaluation import evaluate_folder, format_details, format_report


class Command(BaseCommand):
    help = (
        "Score the wire desk against annotated stories (NAME.txt with NAME.expected.json): "
        "quotation spans (precision, recall, F1), speakers and roles, headline, dateline, "
        "byline and photo credits, per story and overall. See wire/evaluation.py for the "
        "matching rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--leave-one-out",
            action="store_true",
            help="Score each story without the verbs and role nouns only it uses.",
        )
        parser.add_argument(
            "--details", action="store_true", help="List missed, extra and wrong quotes."
        )

    def handle(self, *, folder, leave_one_out, details, **options):
        try:
            report = evaluate_folder(folder, leave_one_out=leave_one_out)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(format_report(report))
        if details:
            self.stdout.write("")
            self.stdout.write(format_details(report))
