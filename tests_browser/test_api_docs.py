"""/api/docs: Swagger UI (vendored, no CDN) renders under the site's Content-Security-Policy."""


def test_the_api_docs_show_the_operations_without_console_errors(visitor):
    requested: list[str] = []
    visitor.page.on("request", lambda request: requested.append(request.url))
    page = visitor.go("/api/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 20
    assert page.locator(".opblock-summary-path", has_text="/api/orgs/{org_id}/members").count() >= 1
    assert all(url.startswith(visitor.base) or url.startswith("data:") for url in requested), requested
    visitor.shot("api-docs")
    assert visitor.errors == [], visitor.errors
