"""Edit and run code in a space: the output streams in over the WebSocket; Visualize draws the circuit.
Manage a space without code: files, details, deletion."""

from playwright.sync_api import expect

CODE = """from qiskit import QuantumCircuit

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
print("gates:", dict(qc.count_ops()))
"""


def test_edit_and_run_code_in_a_space(visitor):
    visitor.sign_up()
    page = visitor.go("/spaces/new")
    page.fill("#id_name", "playground")
    page.fill("#id_title", "Playground")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/spaces/*/playground")
    editor = page.locator("[data-testid=space-editor]")
    editor.click()
    expect(editor).to_be_focused()  # the keys below must reach the editor, not an input that submits on Enter
    for line in CODE.splitlines():  # typed, as a person would (CodeJar turns Enter into a newline)
        page.keyboard.type(line)
        page.keyboard.press("Enter")
    assert 'print("gates:"' in editor.inner_text()
    page.fill("#id_path", "bell.py")
    page.click("#editor-form button[type=submit]")  # Save: the form posts the editor's text
    page.wait_for_url("**?file=bell.py")
    assert page.locator(".file-tree", has_text="bell.py").count() == 1
    page.click("[data-testid=space-run]")
    try:
        page.locator("#run-status", has_text="success").wait_for(timeout=90_000)
    except Exception as exc:
        visitor.shot("failed-space-run")
        output = page.locator("[data-testid=space-output]").inner_text()
        raise AssertionError(f"{page.locator('#run-status').inner_text()}: {output} {visitor.errors}") from exc
    assert "gates:" in page.locator("[data-testid=space-output]").inner_text()
    runs = page.locator("[data-testid=space-executions] tbody tr")  # the recent-runs list reloads when the run ends
    runs.first.wait_for(timeout=20_000)
    assert "Success" in runs.first.inner_text() and "gates:" in runs.first.inner_text()
    page.click("[data-action=visualize]")
    page.locator("[data-testid=space-diagram] img").wait_for(timeout=60_000)
    visitor.shot("10-space-run")
    assert visitor.errors == []


def test_manage_a_space_without_code(visitor):
    """Create, rename and delete files, edit the details, then delete the space: all from the pages."""
    username = visitor.sign_up()
    page = visitor.go("/spaces/new")
    page.fill("#id_name", "workbench")
    page.fill("#id_title", "Workbench")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/spaces/*/workbench")

    page.fill("#new_path", "../outside.py")  # refused like the API refuses it: the form comes back with the reason
    page.click("[data-testid=space-new-file] button")
    assert "not allowed" in page.locator("main").inner_text()
    assert len(visitor.errors) == 1 and "status of 400" in visitor.errors[0], visitor.errors  # the form's 400
    visitor.errors.clear()
    page.fill("#new_path", "notes/todo.py")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/workbench?file=notes%2Ftodo.py")
    assert page.locator(".file-tree", has_text="notes/todo.py").count() == 1

    page.set_viewport_size({"width": 375, "height": 800})  # phone: the page's own content fits the width
    assert page.evaluate("(m => m.scrollWidth <= m.clientWidth)(document.querySelector('main'))")
    visitor.shot("11-space-files-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("[data-testid=space-file-rename]")
    page.fill("#id_path", "notes/plan.py")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/workbench?file=notes%2Fplan.py")
    assert "Renamed notes/todo.py to notes/plan.py." in page.locator(".messages").inner_text()
    assert "todo.py" not in page.locator(".file-tree").inner_text()

    page.click("[data-testid=space-file-delete]")
    assert page.locator("h1").inner_text() == "Delete notes/plan.py?"
    page.click("[data-testid=confirm-delete]")
    page.wait_for_url("**/spaces/*/workbench")
    assert "No files yet." in page.locator(".file-tree").inner_text()

    page.click("[data-testid=space-edit]")
    page.fill("#id_title", "Workbench for Grover")
    page.select_option("#id_sdk", "pennylane")
    page.uncheck("#id_is_public")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/spaces/*/workbench")
    header = page.locator("main p.muted").first.inner_text()
    assert "Workbench for Grover" in header and "PennyLane" in header and "private" in header

    page.click("[data-testid=space-edit]")
    page.click("[data-testid=space-delete]")
    assert "0 files" in page.locator("[data-testid=space-delete-summary]").inner_text()
    visitor.shot("12-space-delete-confirm")
    page.click("[data-testid=confirm-delete]")
    page.wait_for_url(f"**/{username}")
    assert f"Deleted {username}/workbench." in page.locator(".messages").inner_text()
    assert visitor.errors == []
    assert page.request.get(f"{visitor.base}/spaces/{username}/workbench").status == 404
