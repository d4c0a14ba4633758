from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from circuits import selectors
from circuits.api.views import viewer_key
from circuits.diffs import circuit_version_diff
from circuits.querysets import card_page
from circuits.services import circuit_view_record
from qubithub.api.exceptions import DomainError, NotFound


def explore(request):
    filters = {
        "sort": request.GET.get("sort") or "created_at",
        "q": request.GET.get("q") or None,
        "framework": request.GET.get("framework") or None,
    }
    try:
        queryset = selectors.circuit_list(user=request.user, filters=filters)
    except DomainError:
        queryset = selectors.circuit_list(user=request.user, filters={"sort": "created_at"})
    page = Paginator(queryset, 24).get_page(request.GET.get("page"))
    page.object_list = card_page(queryset, request.user, offset=max(page.start_index() - 1, 0), limit=24)
    return render(request, "circuits/explore.html", {"page": page, "filters": filters})


def circuit_page(request, owner: str, name: str):
    try:
        circuit = selectors.circuit_resolve(user=request.user, repo_name=f"{owner}/{name}")
    except (NotFound, DomainError):
        raise Http404("Circuit not found") from None
    circuit_view_record(circuit=circuit, viewer_key=viewer_key(request))
    versions = list(circuit.versions.all())
    latest = versions[-1] if versions else None
    context = {
        "circuit": circuit,
        "versions": versions,
        "latest": latest,
        "files": list(latest.files.all()) if latest else [],
    }
    return render(request, "circuits/detail.html", {**context, "diff": _requested_diff(request, circuit)})


def _requested_diff(request, circuit) -> dict | None:
    """`?compare=1..2` shows the diff between two versions under the version list."""
    a, sep, b = request.GET.get("compare", "").partition("..")
    if not (sep and a.isdigit() and b.isdigit()):
        return None
    try:
        return circuit_version_diff(circuit=circuit, a=int(a), b=int(b))
    except NotFound:
        return None
