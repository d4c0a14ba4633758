"""Reads on results that every caller shares: what a leaderboard may show, and ranks within like-with-like boards."""

from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

# Like with like: the same problem (the queryset is per problem), backend class and shot count.
BOARD = ("backend_type", "shots")
RANK_ORDER = (F("score").desc(), F("score_lcb").desc(), F("created_at").asc())


class ResultQuerySet(models.QuerySet):
    def ranked(self):
        return self.filter(ranked=True)

    def with_rank(self):
        """Annotate `rank`: the position within its board (same backend class and shots), best score first and
        ties broken by the higher lower confidence bound, then by the earlier result."""
        return self.annotate(
            rank=Window(RowNumber(), partition_by=[F(field) for field in BOARD], order_by=list(RANK_ORDER))
        )

    def ahead_of(self, entry):
        """Results of `entry`'s board ranked before it (so its rank is this count plus one)."""
        ahead = (
            Q(score__gt=entry.score)
            | Q(score=entry.score, score_lcb__gt=entry.score_lcb)
            | Q(score=entry.score, score_lcb=entry.score_lcb, created_at__lt=entry.created_at)
        )
        return self.filter(ahead, **{field: getattr(entry, field) for field in BOARD})
