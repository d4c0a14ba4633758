"""POST /api/spaces/{id}/execute: runs in the sandbox with the space's files, limits and errors."""

import pytest

from accounts import usage
from spaces.models import SpaceExecution
from spaces.slots import slot_acquire
from spaces.tests.conftest import execute

pytestmark = pytest.mark.django_db

API_REFERENCE_EXAMPLE = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\nprint(qc)"


def test_the_api_reference_example_prints_the_bell_circuit(alice_api, bell_space):
    response = execute(alice_api, bell_space, code=API_REFERENCE_EXAMPLE)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "success" and body["error"] is None and 0 < body["execution_time"] < 30
    assert "q_0: ┤ H ├──■──" in body["output"] and "q_1: ─────┤ X ├" in body["output"]


def test_it_runs_a_file_of_the_space_that_imports_another(alice_api, bell_space):
    alice_api.post(f"/api/spaces/{bell_space.id}/files", {"path": "lib/n.py", "content": "N = 3\n"}, format="json")
    alice_api.post(
        f"/api/spaces/{bell_space.id}/files",
        {"path": "main.py", "content": "from lib.n import N\nprint(N * 2)\n"},
        format="json",
    )
    assert execute(alice_api, bell_space, file_to_run="main.py").json()["output"] == "6\n"


def test_it_accepts_the_official_clients_body_with_a_null_field(alice_api, bell_space):
    body = execute(alice_api, bell_space, code=None, file_to_run="bell.py", timeout=30).json()
    assert body["status"] == "success" and "┤ H ├" in body["output"]


@pytest.mark.parametrize(
    "body",
    [{}, {"code": "print(1)", "file_to_run": "bell.py"}, {"code": ""}, {"code": None, "file_to_run": None}],
)
def test_neither_or_both_of_code_and_file_to_run_is_400(alice_api, bell_space, body):
    response = execute(alice_api, bell_space, **body)
    assert response.status_code == 400 and "code or file_to_run" in response.json()["detail"]


def test_an_unknown_file_is_400(alice_api, bell_space):
    response = execute(alice_api, bell_space, file_to_run="nope.py")
    assert response.status_code == 400 and "nope.py" in response.json()["detail"]


@pytest.mark.parametrize("timeout", [0, 301, "soon"])
def test_the_timeout_must_be_1_to_300(alice_api, bell_space, timeout):
    assert execute(alice_api, bell_space, code="print(1)", timeout=timeout).status_code == 400


def test_the_users_error_comes_back_as_a_traceback(alice_api, bell_space):
    body = execute(alice_api, bell_space, code="def f():\n    return 1 / 0\nf()\n").json()
    assert body["status"] == "error" and "ZeroDivisionError" in body["error"] and "line 2" in body["error"]


def test_a_long_run_stops_at_its_timeout_with_what_it_printed(alice_api, bell_space):
    body = execute(alice_api, bell_space, code="print('hi', flush=True)\nwhile True: pass", timeout=1).json()
    assert body["status"] == "timeout" and body["output"] == "hi\n" and "timed out" in body["error"]


def test_output_is_capped_and_marked_when_cut(alice_api, bell_space):
    body = execute(alice_api, bell_space, code="print('x' * 3_000_000)").json()
    assert body["output"].endswith("[output truncated]") and len(body["output"]) < 1_100_000


def test_written_files_are_dropped_unless_saved_back(alice_api, bell_space):
    code = "open('result.txt', 'w').write('42')\nopen('bell.py', 'a').write('# changed')\n"
    assert execute(alice_api, bell_space, code=code).json()["saved_files"] == []
    assert sorted(f.path for f in bell_space.files.all()) == ["bell.py"]
    body = execute(alice_api, bell_space, code=code, save_outputs=True).json()
    assert body["saved_files"] == ["bell.py", "result.txt"]
    files = {f.path: bytes(f.content) for f in bell_space.files.all()}
    assert files["result.txt"] == b"42" and files["bell.py"].endswith(b"# changed")


def test_saved_outputs_respect_the_space_limits(settings, alice_api, bell_space):
    settings.QH_SPACE_MAX_FILE_BYTES = 100
    body = execute(alice_api, bell_space, code="open('big.txt', 'w').write('x' * 500)", save_outputs=True).json()
    assert body["status"] == "success" and body["saved_files"] == [] and "not saved" in body["error"]


def test_only_those_who_may_edit_the_space_execute_it(api, bob_api, charlie_api, bell_space, secret_space):
    assert execute(bob_api, bell_space, code="print(1)").status_code == 403
    assert execute(charlie_api, secret_space, code="print(1)").status_code == 404
    assert execute(api, bell_space, code="print(1)").status_code == 401
    assert not SpaceExecution.objects.exists()


def test_an_api_key_needs_the_space_execute_scope(alice, bell_space):
    from conftest import key_client

    assert execute(key_client(alice, ["space:read", "space:write"]), bell_space, code="print(1)").status_code == 403
    assert execute(key_client(alice, ["space:execute"]), bell_space, code="print(1)").json()["output"] == "1\n"


def test_executions_per_day_are_limited_by_the_plan(settings, alice_api, bell_space):
    settings.QH_PLAN_LIMITS = {"free": {**settings.QH_PLAN_LIMITS["free"], "space_executions_per_day": 1}}
    assert execute(alice_api, bell_space, code="print(1)").status_code == 200
    response = execute(alice_api, bell_space, code="print(1)")
    assert response.status_code == 403 and "space executions per day on the free plan is 1" in response.json()["detail"]


def test_cpu_seconds_per_month_are_limited_by_the_plan(settings, alice_api, bell_space, monkeypatch):
    settings.QH_PLAN_LIMITS = {"free": {**settings.QH_PLAN_LIMITS["free"], "space_cpu_seconds_per_month": 60}}
    monkeypatch.setitem(usage.METERS, "space_cpu_seconds", [lambda user: 60])
    response = execute(alice_api, bell_space, code="print(1)")
    assert response.status_code == 403 and "space cpu seconds per month" in response.json()["detail"]


def test_executions_count_against_the_users_usage(alice, alice_api, bell_space):
    execute(alice_api, bell_space, code="print(1)")
    assert usage.usage_of(user=alice, kind="space_executions").used == 1
    assert usage.usage_of(user=alice, kind="space_cpu_seconds").used >= 1


def test_too_many_executions_at_once_are_429_with_retry_after(settings, alice, alice_api, bob_api, bell_space):
    settings.QH_SPACE_CONCURRENT_EXECUTIONS = 2
    slot_acquire(user_id=alice.pk, holder="a", timeout_s=30)
    slot_acquire(user_id=alice.pk, holder="b", timeout_s=30)
    response = execute(alice_api, bell_space, code="print(1)")
    assert response.status_code == 429 and 1 <= int(response["Retry-After"]) <= 30
    assert "2 executions running" in response.json()["detail"]
    fork = bob_api.post(f"/api/spaces/{bell_space.id}/fork").json()
    assert bob_api.post(f"/api/spaces/{fork['id']}/execute", {"code": "print(2)"}, format="json").status_code == 200


def test_a_finished_execution_frees_its_slot(settings, alice_api, bell_space):
    settings.QH_SPACE_CONCURRENT_EXECUTIONS = 1
    assert [execute(alice_api, bell_space, code="print(1)").status_code for _ in range(3)] == [200, 200, 200]
