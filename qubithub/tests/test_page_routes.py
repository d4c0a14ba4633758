"""Every page route is opened by the browser console test (or a journey): a new page can't skip that check."""

from django.urls import URLResolver, get_resolver

from tests_browser.page_routes import NOT_PAGES, PAGES, PAGES_IN_JOURNEYS


def site_route_names() -> set[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.name

    return {name for route, name in walk(get_resolver().url_patterns) if not route.startswith(("api/", "admin/"))}


def test_every_site_route_is_classified():
    classified = set(PAGES) | set(PAGES_IN_JOURNEYS) | NOT_PAGES
    routes = site_route_names()
    assert not routes - classified, f"classify these in tests_browser/page_routes.py: {sorted(routes - classified)}"
    assert not classified - routes, f"no longer routes: {sorted(classified - routes)}"


def test_no_route_is_classified_twice():
    assert not set(PAGES) & NOT_PAGES
    assert not set(PAGES_IN_JOURNEYS) & (NOT_PAGES | set(PAGES))
