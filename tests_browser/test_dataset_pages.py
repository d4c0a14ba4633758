"""A dataset's life in the browser: create, upload (chooser and drag-and-drop), download, query, edit, delete."""

import uuid
from pathlib import Path

from tests_browser.conftest import SCREENSHOTS
from tests_browser.files import CSV, csv_file

DROP_FILE = """([name, text]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: "text/csv" }));
  const zone = document.querySelector("[data-testid=dropzone]");
  for (const type of ["dragenter", "dragover", "drop"]) {
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}"""


def expected_status_only(visitor, status: int) -> None:
    """A page answered with `status` on purpose (a form error, a deleted page): that is the only console error."""
    expected = f"error: Failed to load resource: the server responded with a status of {status}"
    assert visitor.errors and all(e.startswith(expected) for e in visitor.errors), visitor.errors
    visitor.errors.clear()


def create_dataset(visitor, name: str) -> str:
    page = visitor.go("/datasets/new")
    page.fill("#id_name", name)
    page.fill("#id_title", "Energies")
    page.select_option("#id_format", "csv")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/datasets/*/{name}")
    return page.url


def test_upload_download_query_edit_and_delete_a_dataset(visitor, tmp_path):
    owner = visitor.sign_up()
    name = f"energies-{uuid.uuid4().hex[:6]}"
    page = visitor.page
    url = create_dataset(visitor, name)

    # Version 1 with the file chooser: the progress bar runs, then the page shows the preview.
    page.set_input_files("#upload-input", csv_file(tmp_path))
    page.fill("#upload-message", "First rows")
    page.click("form.upload button[type=submit]")
    page.locator("[data-testid=dataset-preview] table").wait_for(timeout=60_000)
    assert page.locator("[data-testid=versions] li", has_text="First rows").count() == 1

    # Version 2 by dropping a file on the drop zone.
    page.evaluate(DROP_FILE, ["more.csv", "angle,energy,method\n9.9,-2.0,vqe\n"])
    page.locator("[data-upload-status]", has_text="more.csv").wait_for()
    page.fill("#upload-message", "Dropped")
    page.click("form.upload button[type=submit]")
    page.locator("h2", has_text="(v2, 1 row)").wait_for(timeout=60_000)
    visitor.shot("dataset-01-two-versions")

    # Downloads: the file itself and a conversion, for an earlier version.
    with page.expect_download() as original:
        page.click("[data-testid=download-v1-csv]")
    assert original.value.suggested_filename == f"{name}-v1.csv"
    assert Path(original.value.path()).read_text() == CSV
    with page.expect_download() as converted:
        page.click("[data-testid=download-v1-parquet]")
    assert converted.value.suggested_filename == f"{name}-v1.parquet"
    assert Path(converted.value.path()).read_bytes()[:4] == b"PAR1"

    # Query version 1: filter, sort, and a bad value as a form error.
    page.goto(f"{url}/query?version=1")
    page.select_option("#id_column1", "method")
    page.select_option("#id_op1", "eq")
    page.fill("#id_value1", "vqe")
    page.select_option("#id_sort", "angle")
    page.select_option("#id_order", "desc")
    page.click("[data-testid=query-form] button[type=submit]")
    page.locator("#result-h", has_text="20 matching rows").wait_for()
    assert page.locator("[data-testid=query-result] tbody tr").first.inner_text().startswith("3.9")
    visitor.shot("dataset-02-query")
    assert visitor.errors == [], visitor.errors
    page.select_option("#id_column1", "angle")
    page.select_option("#id_op1", "gt")
    page.fill("#id_value1", "big")
    page.click("[data-testid=query-form] button[type=submit]")
    page.locator("[role=alert]", has_text="is not a valid double value").wait_for()
    expected_status_only(visitor, 400)

    # Edit: a bad license is a form error; a good form saves every field.
    page.goto(url)
    page.click("[data-testid=edit]")
    page.fill("#id_license", "not a license")
    page.click("main form button[type=submit]")
    page.locator("#id_license ~ .errorlist", has_text="not an SPDX license").wait_for()
    expected_status_only(visitor, 400)
    page.fill("#id_title", "Ground-state energies")
    page.fill("#id_license", "cc-by-4.0")
    page.fill("#id_tags", "chemistry, vqe")
    page.fill("#id_task_categories", "regression")
    page.fill("#id_description", "Energies of **H2**.")
    page.click("main form button[type=submit]")
    page.wait_for_url(url)
    assert "Ground-state energies" in page.inner_text("main")
    assert page.locator("strong", has_text="H2").count() == 1
    assert page.locator(".tag", has_text="task: regression").count() == 1
    assert page.locator("aside", has_text="CC-BY-4.0").count() == 1
    visitor.shot("dataset-03-edited")

    # Delete: the confirmation lists the versions; confirming goes to the owner's profile.
    page.goto(f"{url}/edit")
    page.click("text=Delete this dataset…")
    assert page.locator("[data-testid=deleted-versions] li").count() == 2
    visitor.shot("dataset-04-confirm-delete")
    page.click("[data-testid=confirm-delete]")
    page.wait_for_url(f"{visitor.base}/{owner}")
    page.locator("text=Deleted").wait_for()
    assert visitor.errors == [], visitor.errors
    assert page.goto(url).status == 404
    expected_status_only(visitor, 404)


def test_the_dataset_page_without_javascript_and_on_a_phone(chromium, live_site, visitor, tmp_path):
    visitor.sign_up()
    url = create_dataset(visitor, "plain")
    cookies = visitor.context.cookies()
    plain = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        plain.add_cookies(cookies)
        page = plain.new_page()
        page.goto(url)
        page.set_input_files("#upload-input", csv_file(tmp_path))
        page.fill("#upload-message", "No script")
        page.click("form.upload button[type=submit]")
        page.wait_for_url(url)
        page.locator("text=Uploaded version 1").wait_for()
        for _ in range(60):  # no htmx polling without JavaScript: reload until processed
            if page.locator("[data-testid=dataset-preview] table").count():
                break
            page.wait_for_timeout(1000)
            page.reload()
        assert page.locator("[data-testid=dataset-preview] tbody tr").count() == 20
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
        page.screenshot(path=str(SCREENSHOTS / "dataset-05-phone-no-js.png"), full_page=True)
    finally:
        plain.close()
    assert visitor.errors == []


GAPPY_CSV = "angle,energy,note\n" + "".join(
    f"{i / 10},{-1 + i / 100},{'checked' if i % 3 == 0 else ''}\n" for i in range(45)
)


def test_create_with_categories_then_page_the_preview_and_query_missing_values(visitor, tmp_path):
    visitor.sign_up()
    page = visitor.page
    name = f"gappy-{uuid.uuid4().hex[:6]}"

    # The create form: task categories are offered; a bad license is an error next to the License field.
    page = visitor.go("/datasets/new")
    page.fill("#id_name", name)
    page.fill("#id_title", "Energies with gaps")
    page.select_option("#id_format", "csv")
    page.fill("#id_task_categories", "regression")
    page.fill("#id_license", "not a license")
    page.click("main form button[type=submit]")
    page.locator("#id_license ~ .errorlist", has_text="is not an SPDX license identifier").wait_for()
    assert page.locator(".errorlist.nonfield").count() == 0
    expected_status_only(visitor, 400)
    page.fill("#id_license", "MIT")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/datasets/*/{name}")
    url = page.url
    assert page.locator(".tag", has_text="task: regression").count() == 1

    # Upload, then choose 30 rows, page forward and past the end.
    path = tmp_path / "gappy.csv"
    path.write_text(GAPPY_CSV)
    page.set_input_files("#upload-input", str(path))
    page.click("form.upload button[type=submit]")
    page.locator("[data-testid=dataset-preview] table").wait_for(timeout=60_000)
    page.goto(url)
    page.fill("#id_rows", "30")
    page.click("[data-testid=preview-rows] button[type=submit]")
    page.locator("text=Rows 1–30 of 45").wait_for()
    assert page.locator("[data-testid=dataset-preview] tbody tr").count() == 30
    rounded = page.locator("[data-testid=dataset-preview] td span[title='-0.9299999999999999']")
    assert rounded.inner_text() == "-0.93"
    page.click("text=Next rows →")
    page.locator("text=Rows 31–45 of 45").wait_for()
    visitor.shot("dataset-06-preview-rows")
    page.goto(f"{url}?offset=9999")
    page.locator("[data-testid=past-end]", has_text="v1 has 45 rows, so there is no row 10000").wait_for()
    page.click("text=Last rows")
    page.locator("text=Rows 26–45 of 45").wait_for()
    assert visitor.errors == [], visitor.errors

    # Query: "is missing" finds the empty cells the statistics count; a bad value is one error, shown once.
    page.goto(f"{url}/query")
    page.select_option("#id_column1", "note")
    page.select_option("#id_op1", "isnull")
    page.click("[data-testid=query-form] button[type=submit]")
    page.locator("#result-h", has_text="30 matching rows").wait_for()
    visitor.shot("dataset-07-query-missing")
    assert visitor.errors == [], visitor.errors
    page.select_option("#id_column1", "energy")
    page.select_option("#id_op1", "gt")
    page.fill("#id_value1", "big")
    page.click("[data-testid=query-form] button[type=submit]")
    page.locator("[role=alert]", has_text="is not a valid double value").wait_for()
    assert page.get_by_text("is not a valid double value").count() == 1
    expected_status_only(visitor, 400)
    page.goto(url)
    nulls = page.locator("section[aria-labelledby=stats-h] tr", has_text="note").locator("td").nth(1)
    assert nulls.inner_text() == "30"
