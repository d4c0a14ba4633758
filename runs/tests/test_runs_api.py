import pytest

from circuits.models import Circuit
from runs.models import Run, RunStatus
from runs.tests.conftest import publish_circuit

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """POST /api/runs and run what the request scheduled for after its commit (the dispatch)."""

    def post(client, circuit, **body):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/api/runs", {"circuit_id": str(circuit.id), **body}, format="json")

    return post


class TestSubmit:
    def test_a_run_is_created_pending_and_executed_to_completion(self, submit, alice_api, bell, fake_engine):
        response = submit(alice_api, bell, shots=1024, parameters={"theta": 0.785})
        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "pending"
        assert body["circuit_version_id"] == str(bell.versions.get().id)
        assert body["parameters"] == {"theta": 0.785}
        assert body["backend_name"] == "qiskit_aer" and body["backend_type"] == "simulation"
        done = alice_api.get(f"/api/runs/{body['id']}").json()
        assert done["status"] == "completed"
        assert done["results"]["counts"] == {"00": 510, "11": 514}
        assert done["metrics"]["execution_time"] == 0.002
        assert "queue_time_ms" in done["metrics"]
        assert done["started_at"] and done["completed_at"]

    def test_it_counts_the_run_on_the_circuit(self, submit, alice_api, bell, fake_engine):
        submit(alice_api, bell)
        submit(alice_api, bell)
        assert Circuit.objects.get(pk=bell.pk).runs_count == 2

    def test_anyone_signed_in_may_run_a_public_circuit(self, submit, charlie_api, bell, fake_engine):
        assert submit(charlie_api, bell).status_code == 201

    def test_an_unknown_circuit_is_a_404(self, alice_api, db, fake_engine):
        response = alice_api.post("/api/runs", {"circuit_id": "00000000-0000-0000-0000-000000000000"}, format="json")
        assert response.status_code == 404

    def test_a_private_circuit_of_someone_else_is_a_403(self, submit, charlie_api, private_bell, fake_engine):
        response = submit(charlie_api, private_bell)
        assert response.status_code == 403
        assert not Run.objects.exists()

    def test_org_members_may_run_the_orgs_private_circuits(self, submit, alice, bob_api, lab, fake_engine):
        circuit = publish_circuit(alice, "lab-bell", is_public=False, organization_name="lab")
        assert submit(bob_api, circuit).status_code == 201

    def test_an_unknown_backend_is_a_400_listing_valid_names(self, submit, alice_api, bell, fake_engine):
        response = submit(alice_api, bell, backend_name="warp_drive")
        assert response.status_code == 400
        assert "cirq_simulator, qiskit_aer" in response.json()["detail"]

    def test_a_backend_of_the_wrong_type_is_a_400(self, submit, alice_api, bell, fake_engine):
        response = submit(alice_api, bell, backend_type="simulation", backend_name="fake_manila")
        assert response.status_code == 400
        assert "not of type 'simulation'" in response.json()["detail"]

    def test_hardware_without_credentials_is_a_400_saying_so(self, submit, alice_api, bell, fake_engine):
        response = submit(alice_api, bell, backend_type="hardware", backend_name="ibm_brisbane")
        assert response.status_code == 400
        assert "credentials" in response.json()["detail"]

    @pytest.mark.parametrize("shots", [0, 100_001, -5, "many"])
    def test_shots_out_of_range_are_a_400(self, submit, alice_api, bell, fake_engine, shots):
        assert submit(alice_api, bell, shots=shots).status_code == 400

    def test_parameters_must_be_numbers(self, submit, alice_api, bell, fake_engine):
        response = submit(alice_api, bell, parameters={"theta": "pi"})
        assert response.status_code == 400
        assert "theta" in response.json()["detail"]

    def test_a_circuit_without_files_cannot_run(self, submit, alice_api, alice, fake_engine):
        from circuits.services import circuit_create

        empty = circuit_create(creator=alice, name="empty", title="Empty", framework="qiskit")
        response = submit(alice_api, empty)
        assert response.status_code == 400
        assert "no files" in response.json()["detail"]

    def test_it_needs_authentication(self, submit, api, bell, fake_engine):
        assert submit(api, bell).status_code == 401


class TestFailures:
    def test_an_engine_error_fails_the_run_with_its_class(self, submit, alice_api, bell, fake_engine):
        from quantum.errors import ParseError

        fake_engine.error = ParseError("circuit.py line 3: invalid syntax")
        run_id = submit(alice_api, bell).json()["id"]
        run = alice_api.get(f"/api/runs/{run_id}").json()
        assert run["status"] == "failed"
        assert run["error_class"] == "parse_error"
        assert "invalid syntax" in run["error_message"]

    def test_an_unexpected_platform_error_fails_the_run_as_internal(self, submit, alice_api, bell, fake_engine):
        fake_engine.error = RuntimeError("disk on fire")
        run = alice_api.get(f"/api/runs/{submit(alice_api, bell).json()['id']}").json()
        assert (run["status"], run["error_class"]) == ("failed", "internal_error")


class TestReadAndList:
    def test_the_owner_lists_their_runs_with_circuit_names(self, submit, alice_api, bell, fake_engine):
        submit(alice_api, bell)
        body = alice_api.get("/api/runs").json()
        assert body["total"] == 1 and body["runs"][0]["circuit_name"] == "alice/bell"

    def test_lists_only_show_the_callers_runs(self, submit, alice_api, charlie_api, bell, fake_engine):
        submit(alice_api, bell)
        assert charlie_api.get("/api/runs").json()["total"] == 0

    def test_lists_filter_by_status_circuit_and_backend(self, submit, alice_api, alice, bell, fake_engine):
        other = publish_circuit(alice, "other")
        submit(alice_api, bell)
        submit(alice_api, other)
        assert alice_api.get(f"/api/runs?circuit_id={other.id}").json()["total"] == 1
        assert alice_api.get("/api/runs?status=completed").json()["total"] == 2
        assert alice_api.get("/api/runs?status=failed").json()["total"] == 0
        assert alice_api.get("/api/runs?backend_name=cirq_simulator").json()["total"] == 0
        assert alice_api.get("/api/runs?status=bogus").status_code == 400

    def test_a_run_on_a_public_circuit_is_visible_to_anyone(self, submit, api, alice_api, bell, fake_engine):
        run_id = submit(alice_api, bell).json()["id"]
        assert api.get(f"/api/runs/{run_id}").status_code == 200

    def test_a_run_on_a_private_circuit_is_hidden_from_outsiders(
        self, submit, alice_api, charlie_api, api, private_bell, fake_engine
    ):
        run_id = submit(alice_api, private_bell).json()["id"]
        assert charlie_api.get(f"/api/runs/{run_id}").status_code == 404
        assert api.get(f"/api/runs/{run_id}").status_code == 404

    def test_circuit_runs_are_listed_on_the_circuit(self, submit, api, alice_api, bell, fake_engine):
        submit(alice_api, bell)
        assert api.get(f"/api/circuits/{bell.id}/runs").json()["total"] == 1

    def test_the_run_list_uses_a_constant_number_of_queries(
        self, submit, alice_api, bell, fake_engine, django_assert_max_num_queries
    ):
        for _ in range(5):
            submit(alice_api, bell)
        with django_assert_max_num_queries(6):
            assert len(alice_api.get("/api/runs?limit=100").json()["runs"]) == 5


class TestCancelAndDelete:
    def test_deleting_a_finished_run_removes_it(self, submit, alice_api, bell, fake_engine):
        run_id = submit(alice_api, bell).json()["id"]
        assert alice_api.delete(f"/api/runs/{run_id}").status_code == 204
        assert not Run.objects.filter(pk=run_id).exists()

    def test_deleting_an_active_run_cancels_it(self, alice_api, alice, bell, settings):
        settings.QH_DISPATCH_INLINE = False
        settings.CELERY_BROKER_URL = ""
        from runs.services import transition

        run = Run.objects.create(circuit=bell, circuit_version=bell.versions.get(), user=alice)
        transition(run.id, from_statuses=[RunStatus.PENDING], to=RunStatus.QUEUED)
        assert alice_api.delete(f"/api/runs/{run.id}").status_code == 204
        run.refresh_from_db()
        assert (run.status, run.error_class) == ("cancelled", "cancelled")
        assert run.completed_at is not None

    def test_only_the_owner_may_cancel_or_delete(self, submit, alice_api, charlie_api, bell, fake_engine):
        run_id = submit(alice_api, bell).json()["id"]
        assert charlie_api.delete(f"/api/runs/{run_id}").status_code == 403
        assert Run.objects.filter(pk=run_id).exists()


class TestStats:
    def test_my_stats_are_aggregated_in_the_database(self, submit, alice_api, bell, fake_engine):
        from quantum.errors import ParseError

        submit(alice_api, bell, shots=100)
        submit(alice_api, bell, shots=200)
        fake_engine.error = ParseError("bad")
        submit(alice_api, bell, shots=300)
        stats = alice_api.get("/api/runs/users/me/stats").json()
        assert stats["total_runs"] == 3
        assert (stats["completed_runs"], stats["failed_runs"], stats["pending_runs"]) == (2, 1, 0)
        assert stats["total_shots"] == 600
        assert stats["total_execution_time"] == pytest.approx(0.004)
        assert stats["avg_execution_time"] == pytest.approx(0.002)
        assert stats["success_rate"] == pytest.approx(66.7)

    def test_circuit_stats(self, submit, api, alice_api, bell, fake_engine):
        submit(alice_api, bell)
        stats = api.get(f"/api/runs/circuits/{bell.id}/stats").json()
        assert stats["total_runs"] == 1 and stats["success_rate"] == 100.0

    def test_stats_of_a_private_circuit_are_hidden(self, charlie_api, private_bell, fake_engine):
        assert charlie_api.get(f"/api/runs/circuits/{private_bell.id}/stats").status_code == 404
