"""Publishing with tags, bad explore filters shown as errors, the tag page, and the circuit page's clear messages."""

from tests_browser.files import circuit_files


def test_tags_filters_and_circuit_page_messages(visitor, tmp_path):
    username = visitor.sign_up()
    page = visitor.go("/new")
    page.fill("#id_name", "tagged-bell")
    page.fill("#id_title", "Tagged Bell")
    page.select_option("#id_framework", "qiskit")
    page.fill("#id_tags", "Bell, a/b")
    page.fill("#id_qubits", "2")
    page.click("main form button[type=submit]")
    page.get_by_text("Invalid tag 'a/b'").wait_for()
    visitor.shot("circuit-tags-01-invalid-tag")
    page.fill("#id_tags", "Bell, qiskit-1.0, c++")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/tagged-bell/edit")
    page.set_input_files("#upload-input", circuit_files(tmp_path, "tagged-bell"))
    page.click("form.upload button[type=submit]")
    page.wait_for_url(f"{visitor.base}/{username}/tagged-bell", wait_until="domcontentloaded")

    page.get_by_role("link", name="qiskit-1.0").click()
    page.wait_for_url("**/explore/tags/qiskit-1.0")
    assert page.get_by_label("Tags").input_value() == "qiskit-1.0"
    assert page.locator(".card h3", has_text=f"{username}/tagged-bell").count() == 1

    page = visitor.go("/explore?qubits_min=5&qubits_max=1&sort=bogus")
    page.get_by_text("Must not be less than the minimum.").wait_for()
    assert page.get_by_test_id("filter-errors").is_visible()
    assert page.locator(".card").count() == 0
    visitor.shot("circuit-tags-02-filter-errors")
    page.set_viewport_size({"width": 390, "height": 844})
    visitor.shot("circuit-tags-03-filter-errors-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page = visitor.go(f"/{username}/tagged-bell?compare=abc&file=nope.py")
    assert "give two version numbers" in page.get_by_test_id("compare-error").inner_text()
    assert "no file named nope.py" in page.get_by_test_id("missing-file").inner_text()
    assert page.locator("h1").count() == 1
    visitor.shot("circuit-tags-04-circuit-messages")

    page = visitor.go(f"/{username}/tagged-bell/delete-file?file=circuit.py")
    assert "will not run" in page.get_by_test_id("entry-point-warning").inner_text()
    page = visitor.go(f"/{username}/tagged-bell/delete")
    assert page.get_by_test_id("runs-impact").inner_text() == "It has no runs."
    # the two 400s are the pages answering bad input (the /new form, the explore filters); nothing else failed
    bad_input = "error: Failed to load resource: the server responded with a status of 400 (Bad Request)"
    assert visitor.errors == [bad_input, bad_input], visitor.errors
