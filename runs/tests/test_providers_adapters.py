"""Hardware runs end to end against the providers' own local backends (no network here): the circuit is exported
from the sandbox, submitted through the adapter, polled by runs.poll_hardware, and stored like any run."""

import time

import pytest

from runs.models import Run, RunStatus
from runs.providers import base, execution, ibm, services
from runs.providers.models import HardwareJob
from runs.providers.tasks import poll_hardware
from runs.services import run_submit, runs_recover
from runs.tasks import execute_run

pytestmark = pytest.mark.django_db
BRAKET_TOKEN = "AKIAEXAMPLE:secret-example-key"


@pytest.fixture
def local_providers(settings, monkeypatch):
    """The SDKs' local testing modes; a small fake IBM device keeps the Aer emulation quick."""
    from qiskit_ibm_runtime.fake_provider import FakeManilaV2

    settings.QH_HARDWARE_LOCAL_TESTING = True
    monkeypatch.setattr(ibm, "local_backend", lambda device: FakeManilaV2())


def submit(user, circuit, backend_name, django_capture_on_commit_callbacks, shots=500) -> Run:
    with django_capture_on_commit_callbacks(execute=True):  # inline dispatch: claim, export, submit
        run = run_submit(
            user=user, circuit_id=circuit.id, backend_type="hardware", backend_name=backend_name, shots=shots
        )
    return Run.objects.get(pk=run.pk)


def poll_until_finished(run_id, seconds=60) -> Run:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        poll_hardware.run()
        run = Run.objects.get(pk=run_id)
        if run.is_terminal:
            return run
        time.sleep(0.2)
    raise AssertionError("the hardware run did not finish")


def assert_bell(counts, shots, noise=0.1):
    assert sum(counts.values()) == shots
    assert counts.get("00", 0) + counts.get("11", 0) >= shots * (1 - noise), counts
    assert counts.get("00", 0) > shots * 0.3 and counts.get("11", 0) > shots * 0.3, counts


def test_ibm_local_testing_mode_submits_polls_and_stores_counts(
    alice, bell, local_providers, django_capture_on_commit_callbacks
):
    services.provider_credentials_set(user=alice, provider="ibm", token="local-test-token")
    run = submit(alice, bell, "ibm_brisbane", django_capture_on_commit_callbacks)
    assert run.status == RunStatus.RUNNING and run.provider_job_id
    assert HardwareJob.objects.get(run=run).provider == "ibm"
    assert run.metrics["device"] == "fake_manila" and "transpilation_time_ms" in run.metrics
    done = poll_until_finished(run.id)
    assert done.status == RunStatus.COMPLETED, done.error_message
    assert_bell(done.results["counts"], 500)
    assert done.metrics["shots"] == 500 and done.completed_at


def test_braket_local_simulator_submits_polls_and_stores_counts_in_qiskit_order(
    alice, local_providers, django_capture_on_commit_callbacks
):
    from runs.tests.conftest import publish_circuit

    circuit = publish_circuit(alice, "x-first")
    # a circuit whose classical bits are not in qubit order: q1 is flipped and measured into bit 0
    code = b"""from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.x(1)
    qc.measure(1, 0)
    qc.measure(0, 1)
    return qc
"""
    from circuits.services import IncomingFile, circuit_version_publish

    circuit_version_publish(
        circuit=circuit, author=alice, files=[IncomingFile("circuit.py", code)], commit_message="v2", max_bytes=10**6
    )
    services.provider_credentials_set(user=alice, provider="braket", token=BRAKET_TOKEN)
    run = submit(alice, circuit, "braket_sv1", django_capture_on_commit_callbacks, shots=100)
    assert run.status == RunStatus.RUNNING and run.provider_job_id
    done = poll_until_finished(run.id)
    assert done.status == RunStatus.COMPLETED, done.error_message
    assert done.results["counts"] == {"01": 100}


def test_braket_counts_follow_qiskits_bit_order():
    from qiskit import QuantumCircuit

    from runs.providers.braket import braket_circuit, qiskit_counts

    qc = QuantumCircuit(3, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.x(2)
    qc.measure(2, 0)
    qc.measure(0, 1)
    program, readout = braket_circuit(qc)
    assert readout == [2, 0]
    assert qiskit_counts({"01": 3, "11": 4}, [0, 2], readout) == {"01": 3, "11": 4}
    assert qiskit_counts({"10": 5}, [2, 0], readout) == {"01": 5}


def test_bad_credentials_without_network_fail_the_run_clearly(alice, bell, django_capture_on_commit_callbacks):
    services.provider_credentials_set(user=alice, provider="ibm", token="not-a-real-token", instance="crn:v1:x")
    run = submit(alice, bell, "ibm_brisbane", django_capture_on_commit_callbacks)
    assert run.status == RunStatus.FAILED
    assert run.error_class == "backend_unavailable"
    assert "IBM Quantum could not" in run.error_message and "credentials" in run.error_message
    assert not run.provider_job_id


def test_braket_without_network_fails_the_run_clearly(alice, bell, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    services.provider_credentials_set(user=alice, provider="braket", token=BRAKET_TOKEN)
    run = submit(alice, bell, "braket_sv1", django_capture_on_commit_callbacks)
    assert run.status == RunStatus.FAILED and run.error_class == "backend_unavailable"
    assert "Amazon Braket could not" in run.error_message


def test_cancelling_a_submitted_run_cancels_the_provider_job(
    alice, alice_api, bell, local_providers, django_capture_on_commit_callbacks, monkeypatch
):
    cancelled = []
    monkeypatch.setattr(ibm.IBMAdapter, "cancel", lambda self, *, secret, job_id: cancelled.append(job_id))
    services.provider_credentials_set(user=alice, provider="ibm", token="local-test-token")
    run = submit(alice, bell, "ibm_brisbane", django_capture_on_commit_callbacks)
    assert alice_api.delete(f"/api/runs/{run.id}").status_code == 204
    assert cancelled == [run.provider_job_id]
    assert Run.objects.get(pk=run.pk).status == RunStatus.CANCELLED
    poll_hardware.run()
    assert Run.objects.get(pk=run.pk).status == RunStatus.CANCELLED


def test_a_run_cancelled_while_submitting_has_its_job_cancelled(
    alice, bell, local_providers, django_capture_on_commit_callbacks, monkeypatch
):
    cancelled = []
    real_submit = ibm.IBMAdapter.submit

    def submit_then_user_cancels(self, **kwargs):
        submission = real_submit(self, **kwargs)
        Run.objects.update(status=RunStatus.CANCELLED)
        return submission

    monkeypatch.setattr(ibm.IBMAdapter, "submit", submit_then_user_cancels)
    monkeypatch.setattr(ibm.IBMAdapter, "cancel", lambda self, *, secret, job_id: cancelled.append(job_id))
    services.provider_credentials_set(user=alice, provider="ibm", token="local-test-token")
    run = submit(alice, bell, "ibm_brisbane", django_capture_on_commit_callbacks)
    assert run.status == RunStatus.CANCELLED and not run.provider_job_id
    assert len(cancelled) == 1


class FakeAdapter(base.Adapter):
    provider, label, sdk = "ibm", "IBM Quantum", "qiskit-ibm-runtime"

    def __init__(self, states):
        self.states = states

    def installed(self):
        return True

    def poll(self, *, secret, job_id, readout=None):
        state = self.states.pop(0)
        if isinstance(state, Exception):
            raise state
        return state


@pytest.fixture
def submitted(alice, bell):
    """A hardware run as the worker leaves it after submission."""
    credential = services.provider_credentials_set(user=alice, provider="ibm", token="some-token-123")
    run = Run.objects.create(
        circuit=bell,
        circuit_version=bell.versions.get(),
        user=alice,
        backend_type="hardware",
        backend_name="ibm_brisbane",
        status=RunStatus.RUNNING,
        provider_job_id="job-123",
        attempts=1,
    )
    HardwareJob.objects.create(run=run, provider="ibm", device="ibm_brisbane", credential=credential)
    return run


def use_adapter(monkeypatch, *states):
    monkeypatch.setattr("runs.providers.adapter", lambda provider: FakeAdapter(list(states)))


def test_a_job_the_provider_failed_fails_the_run_with_its_reason(submitted, monkeypatch):
    use_adapter(monkeypatch, base.JobState(status=base.FAILED, error_message="IBM Quantum reported: bad gate"))
    assert execution.hardware_runs_poll() == {"polled": 1, "finished": 1}
    run = Run.objects.get(pk=submitted.pk)
    assert run.status == RunStatus.FAILED and run.error_class == "backend_error" and "bad gate" in run.error_message


def test_a_job_still_queued_at_the_provider_keeps_the_run_running(submitted, monkeypatch):
    use_adapter(monkeypatch, base.JobState(status=base.QUEUED, provider_status="QUEUED"))
    assert execution.hardware_runs_poll()["finished"] == 0
    assert Run.objects.get(pk=submitted.pk).status == RunStatus.RUNNING
    assert HardwareJob.objects.get(run=submitted).provider_status == "QUEUED"


def test_a_provider_out_of_reach_fails_the_run_only_after_repeated_failures(submitted, monkeypatch, settings):
    from quantum.errors import BackendUnavailable

    settings.QH_HARDWARE_POLL_MAX_FAILURES = 2
    use_adapter(monkeypatch, BackendUnavailable("IBM Quantum could not report"), BackendUnavailable("again"))
    execution.hardware_runs_poll()
    assert Run.objects.get(pk=submitted.pk).status == RunStatus.RUNNING
    execution.hardware_runs_poll()
    run = Run.objects.get(pk=submitted.pk)
    assert run.status == RunStatus.FAILED and run.error_class == "backend_unavailable"


def test_removed_credentials_fail_a_submitted_run_clearly(submitted, alice):
    services.provider_credentials_delete(user=alice, provider="ibm")
    execution.hardware_runs_poll()
    run = Run.objects.get(pk=submitted.pk)
    assert run.status == RunStatus.FAILED and run.error_class == "backend_unavailable"
    assert "were removed" in run.error_message


def test_recovery_neither_times_out_nor_resends_a_submitted_hardware_run(submitted, settings):
    from datetime import timedelta

    from django.utils import timezone

    long_ago = timezone.now() - timedelta(hours=5)
    Run.objects.filter(pk=submitted.pk).update(started_at=long_ago, heartbeat_at=long_ago)
    runs_recover()
    execute_run.run(str(submitted.pk))  # a redelivered message must not claim it again
    run = Run.objects.get(pk=submitted.pk)
    assert run.status == RunStatus.RUNNING and run.attempts == 1


def test_a_job_the_provider_never_finishes_fails_the_run_and_is_cancelled(submitted, monkeypatch, settings):
    from datetime import timedelta

    from django.utils import timezone

    cancelled = []
    adapter = FakeAdapter([])
    adapter.cancel = lambda *, secret, job_id: cancelled.append(job_id)
    monkeypatch.setattr("runs.providers.adapter", lambda provider: adapter)
    settings.QH_HARDWARE_RUN_TIMEOUT_SECONDS = 3600
    Run.objects.filter(pk=submitted.pk).update(started_at=timezone.now() - timedelta(hours=2))
    execution.hardware_runs_poll()
    run = Run.objects.get(pk=submitted.pk)
    assert run.status == RunStatus.FAILED and run.error_class == "backend_timeout" and "1 h" in run.error_message
    assert cancelled == ["job-123"]


def test_the_poll_task_is_registered_routed_and_scheduled(settings):
    from qubithub.celery import app

    app.loader.import_default_modules()
    assert "runs.poll_hardware" in app.tasks
    assert settings.CELERY_TASK_ROUTES["runs.poll_hardware"] == {"queue": "hardware"}
    assert settings.CELERY_BEAT_SCHEDULE["poll-hardware"]["task"] == "runs.poll_hardware"


def test_a_sandbox_failure_before_submission_queues_the_run_again(
    alice, bell, django_capture_on_commit_callbacks, monkeypatch, settings
):
    from quantum.errors import InternalError

    exports = []

    def broken_export(run, cancel_event):
        exports.append(run.attempts)
        raise InternalError("the sandbox could not run the job")

    monkeypatch.setattr(execution, "_export", broken_export)
    settings.QH_RUN_MAX_ATTEMPTS = 2
    services.provider_credentials_set(user=alice, provider="ibm", token="some-token-123")
    run = submit(alice, bell, "ibm_brisbane", django_capture_on_commit_callbacks)
    assert exports == [1, 2]
    assert run.status == RunStatus.FAILED and run.error_class == "internal_error" and run.attempts == 2
