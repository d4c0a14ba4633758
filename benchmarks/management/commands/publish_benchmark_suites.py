"""Publish the shipped benchmark suites (idempotent: a published version is never changed).

    manage.py publish_benchmark_suites [--suite algorithms-v1] [--owner USERNAME] [--small]

Reference circuits go to the curated organization (`qubithub`); --owner names the user who creates it when it
does not exist yet (default: its current owner).
"""

from django.core.management.base import BaseCommand, CommandError

from benchmarks.services import suite_publish
from benchmarks.suites import definitions
from orgs.models import Membership, Organization, Role
from qubithub.demo import CURATED_ORG


class Command(BaseCommand):
    help = "Publish the shipped benchmark suites (algorithms-v1, variational-v1, volumetric-v1)."

    def add_arguments(self, parser):
        parser.add_argument("--suite", action="append", help="Only this suite key (repeatable).")
        parser.add_argument("--owner", help="User who owns the curated organization if it must be created.")
        parser.add_argument("--small", action="store_true", help="Narrow problems only (tests, quick looks).")

    def handle(self, *args, suite=None, owner=None, small=False, **options):
        user = self._owner(owner)
        for spec in definitions(small=small):
            if suite and spec.key not in suite:
                continue
            published, created = suite_publish(spec=spec, owner=user, organization_slug=CURATED_ORG)
            verb = "Published" if created else "Already published"
            self.stdout.write(f"{verb} {published.key}: {published.problems.count()} problems")

    def _owner(self, username: str | None):
        from accounts.models import User
        from qubithub.demo import curated_org

        org = Organization.objects.filter(slug=CURATED_ORG).first()
        if org is not None and username is None:
            membership = Membership.objects.filter(organization=org, role=Role.OWNER).select_related("user").first()
            if membership is None:
                raise CommandError(f"The organization '{CURATED_ORG}' has no owner; pass --owner.")
            return membership.user
        if username is None:
            raise CommandError(f"The organization '{CURATED_ORG}' does not exist: pass --owner USERNAME to create it.")
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named '{username}'.")
        curated_org(user)
        return user
