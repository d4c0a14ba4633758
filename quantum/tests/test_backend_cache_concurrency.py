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
    monkeypatch.setattr(backends, "device_calibration", building(lambda: {"qubits": [], "gates": []}))
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
    monkeypatch.setattr(backends, "device_calibration", lambda backend_id: pytest.fail("built again"))
    assert backends.calibration("fake_lima") == first


def test_unknown_ids_never_touch_the_cache(isolated):
    assert backends.calibration("../../etc/passwd") is None
    assert not list(isolated.glob("calibration-*"))
