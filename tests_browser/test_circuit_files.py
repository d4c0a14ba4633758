"""The publish page uploads several files with a progress bar and a commit message; an editor deletes one file."""

from tests_browser.files import circuit_files


def test_publish_several_files_then_delete_one(visitor, tmp_path):
    username = visitor.sign_up()
    page = visitor.go("/new")
    page.fill("#id_name", "bell-files")
    page.fill("#id_title", "Bell pair")
    page.select_option("#id_framework", "qiskit")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/bell-files/edit")

    notes = tmp_path / "NOTES.md"
    notes.write_text("# Lab notes\n")
    page.set_input_files("#upload-input", [*circuit_files(tmp_path, "bell-files"), str(notes)])
    page.get_by_text("3 file(s) selected").wait_for()
    page.fill("#upload-message", "Circuit, manifest and notes")
    page.evaluate("delete document.querySelector('form.upload').dataset.redirect")  # stay to see the bar finish
    page.click("form.upload button[type=submit]")
    page.get_by_text("Upload complete.").wait_for()
    bar = page.locator("form.upload progress")
    assert bar.is_visible() and bar.get_attribute("value") == "100"
    visitor.shot("circuit-files-01-uploaded")

    path = f"/{username}/bell-files"
    page = visitor.go(f"{path}?file=NOTES.md")
    assert page.locator(".versions li", has_text="Circuit, manifest and notes").count() == 1
    page.get_by_role("link", name="Delete this file…").click()
    page.wait_for_url(f"**{path}/delete-file?file=NOTES.md")
    assert page.locator("h1 code", has_text="NOTES.md").count() == 1
    page.get_by_label("Commit message").fill("Notes live in the wiki now")
    visitor.shot("circuit-files-02-confirm")
    page.get_by_role("button", name="Delete NOTES.md").click()
    page.wait_for_url(f"{visitor.base}{path}")
    page.get_by_text("Deleted NOTES.md: version 2 is without it.").wait_for()
    files = page.locator("section[aria-labelledby=files-h]")
    assert files.get_by_role("link", name="NOTES.md").count() == 0
    assert files.get_by_role("link", name="circuit.py").count() == 1
    assert page.locator(".versions li", has_text="Notes live in the wiki now").count() == 1
    visitor.shot("circuit-files-03-deleted")
    assert visitor.errors == [], visitor.errors
