"""run_python for spaces, and the backend catalogue with device calibration."""

from __future__ import annotations

from quantum import api, backends


def test_run_python_returns_output_and_success():
    answer = api.run_python(files={}, code="print('hello')", file_to_run=None, timeout_s=20)
    assert answer["status"] == "success" and answer["output"] == "hello\n" and answer["error"] is None


def test_run_python_reports_the_users_error():
    answer = api.run_python(files={"main.py": b"1/0\n"}, code=None, file_to_run="main.py", timeout_s=20)
    assert answer["status"] == "error" and "ZeroDivisionError" in answer["error"]


def test_run_python_times_out():
    answer = api.run_python(files={}, code="while True: pass", file_to_run=None, timeout_s=1.5)
    assert answer["status"] == "timeout"


def test_run_python_caps_output():
    answer = api.run_python(files={}, code="print('x' * 5_000_000)", file_to_run=None, timeout_s=20)
    assert answer["output"].endswith("[output truncated]") and len(answer["output"]) < 1_100_000


def test_the_catalogue_has_simulators_emulators_and_hardware():
    entries = {entry["id"]: entry for entry in backends.catalogue()}
    for backend_id in (
        "qiskit_aer",
        "aer_statevector",
        "aer_mps",
        "aer_density_matrix",
        "pennylane_default",
        "pennylane_lightning",
        "cirq_simulator",
        "fake_brisbane",
        "ibm_quantum",
    ):
        assert backend_id in entries
    assert entries["fake_brisbane"]["type"] == "emulation" and entries["fake_brisbane"]["qubits"] == 127
    assert [0, 1] in entries["fake_brisbane"]["coupling_map"] or [1, 0] in entries["fake_brisbane"]["coupling_map"]
    assert entries["ibm_quantum"]["type"] == "hardware" and entries["ibm_quantum"]["status"] == "unavailable"
    assert sum(1 for entry in entries.values() if entry["type"] == "emulation") > 50


def test_calibration_comes_from_the_device_snapshot():
    from qiskit_ibm_runtime.fake_provider import FakeBrisbane

    calibration = backends.calibration("fake_brisbane")
    device = FakeBrisbane()
    assert calibration["qubits"][0]["t1_us"] == device.target.qubit_properties[0].t1 * 1e6
    assert calibration["qubits"][0]["readout_error"] == device.target["measure"][(0,)].error
    assert calibration["timestamp"].startswith("20")
    assert any(gate["gate"] == "ecr" and gate["error"] for gate in calibration["gates"])


def test_simulators_have_no_calibration():
    assert backends.calibration("qiskit_aer") is None and backends.get("nope") is None


def test_run_python_streams_output_as_it_is_written():
    heard = []
    code = "import time\nprint('one', flush=True)\ntime.sleep(0.3)\nprint('two', flush=True)\n"
    answer = api.run_python(
        files={},
        code=code,
        file_to_run=None,
        timeout_s=20,
        on_output=lambda stream, chunk: heard.append((stream, chunk)),
    )
    assert answer["output"] == "one\ntwo\n"
    assert [chunk for stream, chunk in heard if stream == "stdout"] == [b"one\n", b"two\n"]


def test_a_timed_out_run_keeps_what_it_printed():
    code = "print('started', flush=True)\nwhile True: pass"
    answer = api.run_python(files={}, code=code, file_to_run=None, timeout_s=1.5)
    assert answer["status"] == "timeout" and answer["output"] == "started\n"


def test_run_python_returns_created_and_changed_files_only_when_asked():
    files = {"data.txt": b"old", "keep.txt": b"same", "main.py": b""}
    code = "open('data.txt','w').write('new')\nimport os\nos.makedirs('out', exist_ok=True)\nopen('out/r.csv','w').write('1')"
    answer = api.run_python(files=files, code=code, file_to_run=None, timeout_s=20, save_outputs=True)
    assert answer["files"] == {"data.txt": b"new", "out/r.csv": b"1"}
    assert api.run_python(files=files, code=code, file_to_run=None, timeout_s=20)["files"] == {}


def test_run_python_reports_cpu_seconds_at_least_the_wall_time():
    answer = api.run_python(files={}, code="sum(range(3_000_000))", file_to_run=None, timeout_s=20)
    assert answer["cpu_seconds"] >= answer["execution_time"] > 0


def test_a_long_traceback_is_marked_as_cut():
    answer = api.run_python(files={}, code="raise ValueError('x' * 20000)", file_to_run=None, timeout_s=20)
    assert answer["error"].startswith("[traceback truncated]") and len(answer["error"]) < 8100
