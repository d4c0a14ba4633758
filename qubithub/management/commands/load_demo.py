from django.core.management.base import BaseCommand

from qubithub.demo import DEMO_EMAIL, DEMO_PASSWORD, DEMO_USERNAME, load_demo
from qubithub.dispatch import drain


class Command(BaseCommand):
    help = "Load the demo user, the QubitHub organization and its curated circuits (safe to run again)."

    def handle(self, *args, **options):
        loaded = load_demo()
        drain()  # embedded mode: the circuits' analyses and the dataset's processing finish before we exit
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(loaded['circuits'])} circuits; log in as {DEMO_USERNAME} "
                f"({DEMO_EMAIL}) with password {DEMO_PASSWORD}"
            )
        )
