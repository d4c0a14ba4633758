"""Reads on results that every caller shares: what a leaderboard may show, and ranks within like-with-like boards.

Ranks are positions in a strict total order (score, then lower confidence bound, higher first; then the earlier
result; then the id), so they are computed from index scans: a page is a slice of the board order, and the rank of
its first entry is one plus the number of entries ahead of it in its board (one counted index range), not a window
over the whole board.
"""

from django.db import models
from django.db.models import F, Q

# Like with like: the same problem (the queryset is per problem), backend class and shot count.
BOARD = ("backend_type", "shots")
RANK_ORDER = (F("score").desc(), F("score_lcb").desc(), F("created_at").asc(), F("id").asc())


class ResultQuerySet(models.QuerySet):
    def ranked(self):
        return self.filter(ranked=True)

    def board_order(self):
        return self.order_by(*BOARD, *RANK_ORDER)

    def ahead_of(self, entry):
        """Results of `entry`'s board ranked before it (so its rank is this count plus one)."""
        same_score = Q(score=entry.score)
        ahead = (
            Q(score__gt=entry.score)
            | (same_score & Q(score_lcb__gt=entry.score_lcb))
            | (same_score & Q(score_lcb=entry.score_lcb, created_at__lt=entry.created_at))
            | (same_score & Q(score_lcb=entry.score_lcb, created_at=entry.created_at, id__lt=entry.id))
        )
        return self.filter(ahead, **{field: getattr(entry, field) for field in BOARD})


def assign_ranks(entries: list, board) -> list:
    """Ranks for a contiguous slice of `board.board_order()`: one count for the first entry, then positions."""
    previous = None
    for entry in entries:
        key = tuple(getattr(entry, field) for field in BOARD)
        if previous is None:
            entry.rank = board.ahead_of(entry).count() + 1
        elif key != previous[0]:
            entry.rank = 1
        else:
            entry.rank = previous[1] + 1
        previous = (key, entry.rank)
    return entries
