"""Social counters shared by every starrable resource (circuits, datasets, spaces).

A star is a row `(user, <target>)` in the resource's own star model; `stars_count` on the target moves
only when a row is actually created or deleted, so the count stays exact under concurrent toggles.
"""

from django.db import IntegrityError, transaction
from django.db.models import F, Model


@transaction.atomic
def star_toggle(*, star_model: type[Model], target_field: str, target: Model, user) -> tuple[bool, int]:
    """Star or unstar `target` for `user`. Returns (starred, stars_count)."""
    lookup = {"user": user, target_field: target}
    counted = type(target).objects.filter(pk=target.pk)
    deleted, _ = star_model.objects.filter(**lookup).delete()
    if deleted:
        counted.filter(stars_count__gt=0).update(stars_count=F("stars_count") - 1)
        starred = False
    else:
        starred = True
        try:
            with transaction.atomic():
                star_model.objects.create(**lookup)
        except IntegrityError:
            pass  # a concurrent request of the same user starred it first: already counted
        else:
            counted.update(stars_count=F("stars_count") + 1)
    return starred, counted.values_list("stars_count", flat=True).get()


def counter_bump(target: Model, field: str, by: int = 1) -> None:
    """Atomically add `by` to an integer counter column of `target` (no read-modify-write race)."""
    type(target).objects.filter(pk=target.pk).update(**{field: F(field) + by})
