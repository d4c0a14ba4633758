"""Reads every owned, listed resource shares: sort orders and `owner/name` repository names."""

from qubithub.errors import InvalidInput

ALWAYS_DESCENDING = {"created_at", "updated_at", "stars_count", "forks_count", "runs_count", "views_count"}


def order_by_for(sort: str, *, descending: set[str] = ALWAYS_DESCENDING) -> list[str]:
    """`name` ascending, `-name` descending; counters and dates newest/most first; the id breaks ties."""
    field = sort.lstrip("-")
    backwards = sort.startswith("-") or field in descending
    return [f"-{field}" if backwards else field, "-id" if backwards else "id"]


def repo_lookup(repo_name: str) -> dict:
    """`owner/name` as a case-insensitive lookup on an OwnedResource with a `name` field."""
    owner, sep, name = (repo_name or "").strip().partition("/")
    if not sep or not owner or not name or "/" in name:
        raise InvalidInput("repo_name must look like 'owner/name'.")
    return {"organization__slug__iexact": owner, "name__iexact": name}


def page_or_404(queryset, number, *, size: int):
    """Page `number` (1 when absent) of `queryset`; like Django's ListView, any other page (0, -1, abc, past
    the last) is a 404, never silently another page. Page 1 of an empty list exists."""
    from django.core.paginator import InvalidPage, Paginator
    from django.http import Http404

    try:
        return Paginator(queryset, size).page(number or 1)
    except InvalidPage:
        raise Http404("No such page.") from None


def explore_page(request, *, form, listing, template: str, size: int):
    """An explore page: the listing filtered by `form`. Bad filters (refused by the form, or by the listing
    itself) are a 400 with the errors and no results, as the API refuses them."""
    from django.shortcuts import render

    from qubithub.errors import DomainError

    valid = not form.is_bound or form.is_valid()
    try:
        queryset = listing(user=request.user, filters=form.filters() if form.is_bound else {})
    except DomainError as exc:
        form.add_error(None, exc.detail)
        valid = False
    if not valid:
        queryset = listing(user=request.user, filters={}).none()
    page = page_or_404(queryset, request.GET.get("page"), size=size)
    return render(request, template, {"page": page, "form": form}, status=200 if valid else 400)
