"""Publish the shipped benchmark suites (idempotent: a published version is never changed).

    manage.py publish_benchmark_suites [--suite algorithms-v1] [--owner USERNAME]
    manage.py publish_benchmark_suites --freeze [--suite KEY]   # write benchmarks/suites/published/<key>.json
    manage.py publish_benchmark_suites --small                   # narrow problems only, from the generators

Publication reads the frozen definition (circuits and ideal distributions) when there is one. Reference circuits
go to the curated organization (`qubithub`); --owner names the user who creates it when it does not exist yet.
"""

from django.core.management.base import BaseCommand, CommandError

from benchmarks.models import Suite
from benchmarks.services import suite_publish
from benchmarks.suites import SHIPPED, frozen, generate
from orgs.models import Membership, Organization, Role
from qubithub.demo import CURATED_ORG


class Command(BaseCommand):
    help = "Publish the shipped benchmark suites (algorithms-v1, variational-v1, volumetric-v1)."

    def add_arguments(self, parser):
        parser.add_argument("--suite", action="append", choices=SHIPPED, help="Only this suite (repeatable).")
        parser.add_argument("--owner", help="User who owns the curated organization if it must be created.")
        parser.add_argument("--small", action="store_true", help="Narrow problems only, generated (tests).")
        parser.add_argument("--freeze", action="store_true", help="Write the frozen definitions and stop.")

    def handle(self, *args, suite=None, owner=None, small=False, freeze=False, **options):
        keys = suite or list(SHIPPED)
        if freeze:
            for key in keys:
                self.stdout.write(f"Froze {key} in {frozen.freeze(generate(key))}")
            return
        user = None
        for key in keys:
            name, _, version = key.rpartition("-v")
            existing = Suite.objects.filter(name=name, version=int(version)).first()
            if existing is not None:
                self.stdout.write(f"Already published {key}: {existing.problems.count()} problems")
                continue
            user = user or self._owner(owner)
            loaded = None if small else frozen.load(key)
            spec, ideals = loaded if loaded else (generate(key, small=small), None)
            published, _ = suite_publish(spec=spec, owner=user, organization_slug=CURATED_ORG, ideals=ideals)
            self.stdout.write(f"Published {published.key}: {published.problems.count()} problems")

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
