import json

from django.core.management.base import BaseCommand, CommandError

from wire.reading import read_file


class Command(BaseCommand):
    help = (
        "Read wire files (any format the wire desk knows) and show what would be imported: "
        "with --dry-run --json, one JSON array on standard output, an object per file in "
        'the order given (a refused file has an "error"). Progress goes to standard error.'
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Wire files to read.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and show, write nothing (the only mode for now).",
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON array.")
        parser.add_argument(
            "--known-person",
            action="append",
            default=[],
            metavar="NAME",
            help="A person's full name, so surnames in the copy resolve to it (repeatable).",
        )

    def handle(self, *, files, dry_run, json, known_person, **options):
        if not dry_run:
            raise CommandError(
                "Nothing was imported: importing into the database is not available yet, "
                "so use --dry-run to see what the files hold."
            )
        results = []
        for path in files:
            result = read_file(path, known_people=known_person)
            results.append(result)
            self._progress(result)
        if json:
            self.stdout.write(_dumps(results))
        else:
            for result in results:
                self.stdout.write(_summary(result))
        refused = sum("error" in result for result in results)
        self.stderr.write(f"{len(results) - refused} read, {refused} refused.")
        if refused:
            raise CommandError(f"{refused} of {len(results)} files refused.")

    def _progress(self, result):
        if "error" in result:
            self.stderr.write(f"refused {result['file']}: {result['error']}")
        else:
            self.stderr.write(
                f"read {result['file']}: {result['format']}, {len(result['paragraphs'])} "
                f"paragraphs, {len(result['quotes'])} quotes"
            )


def _dumps(results):
    return json.dumps(results, ensure_ascii=False, indent=2)


def _summary(result):
    if "error" in result:
        return f"{result['file']}: refused: {result['error']}"
    lines = [
        f"{result['file']} ({result['format']}, {result['language']})",
        f"  {result['headline']}",
    ]
    for quote in result["quotes"]:
        speaker = quote["speaker"]["name"] if quote["speaker"] else "?"
        lines.append(f"  “{quote['text'][:70]}” ({speaker}, {quote['kind']})")
    return "\n".join(lines)
