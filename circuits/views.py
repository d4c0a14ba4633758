from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from circuits import selectors
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
    return render(request, "circuits/explore.html", {"page": page, "filters": filters})


def circuit_page(request, owner: str, name: str):
    try:
        circuit = selectors.circuit_resolve(user=request.user, repo_name=f"{owner}/{name}")
    except (NotFound, DomainError):
        raise Http404("Circuit not found") from None
    versions = list(circuit.versions.all())
    latest = versions[-1] if versions else None
    return render(
        request,
        "circuits/detail.html",
        {
            "circuit": circuit,
            "versions": versions,
            "latest": latest,
            "files": list(latest.files.all()) if latest else [],
        },
    )
