"""Reads: how circuits are fetched for lists and pages, with a constant number of queries."""

from django.db.models import Exists, OuterRef, Prefetch

from circuits.models import Circuit, CircuitVersion, Star, Tag


def with_card_data(queryset, user):
    """What a card shows: owner, organization, source of a fork, tags, and whether the caller starred it."""
    queryset = queryset.select_related(
        "organization", "organization__personal_for", "created_by", "forked_from__organization"
    ).prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    if user is not None and user.is_authenticated:
        queryset = queryset.annotate(starred_by_caller=Exists(Star.objects.filter(circuit=OuterRef("pk"), user=user)))
    return queryset


def circuits_for_listing(user):
    return with_card_data(Circuit.objects.visible_to(user), user)


def card_page(queryset, user, *, offset: int, limit: int) -> list[Circuit]:
    """One page of a (narrow, filtered, ordered) queryset: ids first, then the card data of those rows only."""
    ids = list(queryset.values_list("id", flat=True)[offset : offset + limit])
    rows = with_card_data(Circuit.objects.filter(id__in=ids), user).in_bulk(ids)
    return [rows[i] for i in ids if i in rows]


def circuit_for_detail(user):
    versions = CircuitVersion.objects.prefetch_related("files").order_by("version_number")
    return circuits_for_listing(user).prefetch_related(Prefetch("versions", queryset=versions))
