"""The web process builds fake devices (catalogue, calibrations) one at a time, and caches calibrations on disk:
two concurrent builds have crashed qiskit's native code and taken the whole process down."""

import threading
import time

import pytest

import quantum.backends as backends


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("QH_QUANTUM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(backends, "_calibrations", {})
    backends._full_catalogue.cache_clear()
    yield tmp_path
    backends._full_catalogue.cache_clear()


def test_catalogue_and_calibration_builds_never_overlap(isolated, monkeypatch):
    inside, overlaps = [0], []
    guard = threading.Lock()

    def building(result):
        def build(*args):
            with guard:
                inside[0] += 1
                overlaps.append(inside[0])
            time.sleep(0.05)
            with guard:
                inside[0] -= 1
            return result() if callable(result) else result

        return build

    device = {"id": "fake_x", "name": "x", "type": "emulation", "provider": "ibm", "qubits": 1, "basis_gates": [],
              "coupling_map": [], "status": "online", "description": ""}  # fmt: skip
    monkeypatch.setattr(backends, "_build_devices", building(lambda: [dict(device)]))
    monkeypatch.setattr(backends, "_build_calibration", building(lambda: {"qubits": [], "gates": []}))
    threads = [threading.Thread(target=backends.catalogue)] + [
        threading.Thread(target=backends.calibration, args=("fake_x",)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert overlaps and max(overlaps) == 1


def test_a_calibration_is_built_once_and_then_read_from_disk(isolated, monkeypatch):
    first = backends.calibration("fake_lima")
    assert first and first["qubits"]
    monkeypatch.setattr(backends, "_calibrations", {})
    monkeypatch.setattr(backends, "_build_calibration", lambda backend_id: pytest.fail("built again"))
    assert backends.calibration("fake_lima") == first


def test_unknown_ids_never_touch_the_cache(isolated):
    assert backends.calibration("../../etc/passwd") is None
    assert not list(isolated.glob("calibration-*"))


def test_the_calling_process_never_loads_qiskit_to_describe_devices(tmp_path):
    """The fake devices are built in a child process; the caller (the web process) only reads JSON."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from quantum import backends\n"
        "assert len([b for b in backends.catalogue() if b['type'] == 'emulation']) > 10\n"
        "assert backends.calibration('fake_lima')['qubits']\n"
        "print('qiskit' in sys.modules)\n"
    )
    env = {**os.environ, "QH_QUANTUM_CACHE_DIR": str(tmp_path)}
    root = Path(backends.__file__).resolve().parent.parent.parent
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["calibration", "devices"]


def test_a_build_that_crashes_is_a_clear_error_not_a_dead_process(isolated, monkeypatch):
    monkeypatch.setattr(backends.sys, "executable", "/bin/false")
    with pytest.raises(backends.CatalogueUnavailable, match="failed"):
        backends.calibration("fake_lima")
