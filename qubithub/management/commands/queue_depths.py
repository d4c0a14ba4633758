"""Print how many messages wait in each Celery queue (and how many are delivered but not yet acknowledged)."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from qubithub.observability.queues import QUEUES, queue_depths, unacknowledged


class Command(BaseCommand):
    help = "Show the depth of each Celery queue, read from the Redis broker."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
        parser.add_argument("queues", nargs="*", help=f"queues to show (default: {', '.join(QUEUES)})")

    def handle(self, *args, **options):
        if not settings.CELERY_BROKER_URL:
            raise CommandError("No broker configured (embedded mode runs work in-process): set REDIS_URL.")
        depths = queue_depths(tuple(options["queues"]) or QUEUES)
        unacked = unacknowledged()
        if options["json"]:
            self.stdout.write(json.dumps({"queues": depths, "unacknowledged": unacked}))
            return
        width = max(len(name) for name in depths)
        for name, waiting in depths.items():
            self.stdout.write(f"{name:<{width}}  {waiting}")
        self.stdout.write(f"{'(unacked)':<{width}}  {unacked}")
