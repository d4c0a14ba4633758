"""Every page renders without errors in the browser console (and without uncaught script errors)."""

from tests_browser.test_journeys import publish_circuit

PUBLIC_PAGES = [
    "/",
    "/explore",
    "/explore/datasets",
    "/explore/spaces",
    "/benchmarks",
    "/explore/tags/bell",
    "/backends",
    "/backends/qiskit_aer",
    "/login",
    "/signup",
]
SIGNED_IN_PAGES = [
    "/new",
    "/runs",
    "/settings",
    "/settings/password",
    "/settings/keys",
    "/datasets/new",
    "/spaces/new",
    "/orgs/new",
]


def test_the_friendly_404_page_has_no_other_console_error(visitor):
    response = visitor.page.goto(visitor.base + "/no/such-page")
    assert response.status == 404 and "Page not found" in visitor.page.content()
    assert len(visitor.errors) == 1 and "404" in visitor.errors[0]  # the document's own status, nothing else


def test_every_page_renders_without_console_errors(visitor, tmp_path):
    for path in PUBLIC_PAGES:
        visitor.go(path).wait_for_load_state("load")
    username = visitor.sign_up()
    circuit = publish_circuit(visitor, tmp_path, "console")
    for path in [
        *SIGNED_IN_PAGES,
        f"/{username}",
        circuit,
        f"{circuit}/edit",
        f"{circuit}/delete",
        f"{circuit}?compare=1..1",
    ]:
        visitor.go(path).wait_for_load_state("load")
    visitor.page.emulate_media(color_scheme="dark")
    visitor.go("/")
    visitor.shot("11-home-dark")
    visitor.page.emulate_media(color_scheme="light")
    visitor.page.set_viewport_size({"width": 390, "height": 800})
    visitor.go(circuit)
    visitor.shot("09-circuit-page-phone")
    assert visitor.errors == [], visitor.errors
