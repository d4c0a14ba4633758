"""Edit and run code in a space: the output streams in over the WebSocket; Visualize draws the circuit."""

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
    for line in CODE.splitlines():  # typed, as a person would (CodeJar turns Enter into a newline)
        page.keyboard.type(line)
        page.keyboard.press("Enter")
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
    page.click("[data-action=visualize]")
    page.locator("[data-testid=space-diagram] img").wait_for(timeout=60_000)
    visitor.shot("10-space-run")
    assert visitor.errors == []
