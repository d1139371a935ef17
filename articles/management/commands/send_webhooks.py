from django.core.management.base import BaseCommand

from articles.webhooks.delivery import deliver_due


class Command(BaseCommand):
    help = (
        "Send the webhook deliveries that are due (first attempts and retries). The task "
        "worker does this by itself; run this from cron where no worker runs."
    )

    def handle(self, **options):
        count = deliver_due()
        self.stdout.write(f"Tried {count} due webhook deliveries.")
