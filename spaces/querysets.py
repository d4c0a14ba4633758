"""Reads: how spaces are fetched for lists and the detail, with a constant number of queries."""

from django.db.models import Exists, OuterRef, Prefetch

from spaces.models import Space, SpaceFile, SpaceStar


def with_card_data(queryset, user):
    """What a card shows: owner, organization, source of a fork, and whether the caller starred it."""
    queryset = queryset.select_related(
        "organization", "organization__personal_for", "created_by", "forked_from__organization"
    )
    if user is not None and user.is_authenticated:
        queryset = queryset.annotate(
            starred_by_caller=Exists(SpaceStar.objects.filter(space=OuterRef("pk"), user=user))
        )
    return queryset


def spaces_for_listing(user):
    return with_card_data(Space.objects.visible_to(user), user)


def space_for_detail(user):
    return spaces_for_listing(user).prefetch_related(Prefetch("files", queryset=SpaceFile.objects.order_by("path")))
