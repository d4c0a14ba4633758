"""The backend catalogue answers what the OpenAPI schema promises."""

import pytest

from runs.api import serializers as s

pytestmark = pytest.mark.django_db


def test_the_backends_are_described_in_the_schema(client):
    paths = client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in ("/api/backends", "/api/backends/{backend_id}", "/api/backends/{backend_id}/calibration/latest"):
        assert "200" in paths[path]["get"]["responses"]


def test_every_backend_matches_its_schema(api):
    body = api.get("/api/backends").json()
    assert body["total"] == len(body["backends"]) > 70
    for backend in body["backends"]:
        serializer = s.BackendOutput(data=backend)
        assert serializer.is_valid(), (backend["id"], serializer.errors)


def test_a_device_calibration_matches_its_schema(api):
    calibration = api.get("/api/backends/fake_manila/calibration/latest").json()
    assert s.CalibrationOutput(data=calibration).is_valid()
    assert len(calibration["qubits"]) == 5


def test_an_unknown_type_filter_is_a_400(api):
    assert api.get("/api/backends?type=quantum-annealer").status_code == 400


def test_a_simulator_has_no_calibration(api):
    response = api.get("/api/backends/qiskit_aer/calibration/latest")
    assert response.status_code == 404
    assert "no calibration" in response.json()["detail"]
