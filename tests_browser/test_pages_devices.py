"""The device page: coupling map and calibration tables (after the journeys: it loads a device's calibration
into the web process, see the report on qiskit segfaults in the issue)."""


def test_the_device_page_draws_the_coupling_map_without_console_errors(visitor):
    page = visitor.go("/backends/fake_lima")
    assert page.locator("svg.coupling line").count() >= 4
    assert page.locator("svg.coupling circle").count() == 5
    assert page.locator("table").count() == 2
    visitor.shot("08-device-page")
    assert visitor.errors == []
