"""Reads: how circuits are fetched for lists and pages, with a constant number of queries."""

from django.db.models import Exists, OuterRef, Prefetch

from circuits.models import Circuit, CircuitVersion, Star, Tag


def circuits_for_listing(user):
    queryset = (
        Circuit.objects.visible_to(user)
        .select_related("organization", "organization__personal_for", "created_by", "forked_from__organization")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    )
    if user is not None and user.is_authenticated:
        queryset = queryset.annotate(starred_by_caller=Exists(Star.objects.filter(circuit=OuterRef("pk"), user=user)))
    return queryset


def circuit_for_detail(user):
    versions = CircuitVersion.objects.prefetch_related("files").order_by("version_number")
    return circuits_for_listing(user).prefetch_related(Prefetch("versions", queryset=versions))
