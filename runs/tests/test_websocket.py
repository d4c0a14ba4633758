"""WebSocket rules, in process with the in-memory channel layer."""

import pytest
from asgiref.sync import sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from accounts.services import tokens_issue
from qubithub.routing import websocket_urlpatterns
from runs import services
from runs.models import Run, RunStatus

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]
application = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))


def make_run(user, circuit) -> Run:
    return Run.objects.create(circuit=circuit, circuit_version=circuit.versions.get(), user=user)


async def connect(path: str, headers=None) -> tuple[WebsocketCommunicator, bool]:
    communicator = WebsocketCommunicator(application, path, headers=headers or [])
    connected, _ = await communicator.connect(timeout=5)
    return communicator, connected


async def test_it_sends_the_current_state_then_every_transition_and_closes_when_done(alice, bell):
    run = await sync_to_async(make_run)(alice, bell)
    token = (await sync_to_async(tokens_issue)(user=alice))["access_token"]
    ws, connected = await connect(f"/ws/runs/{run.id}?token={token}")
    assert connected
    assert (await ws.receive_json_from(timeout=5))["status"] == "pending"
    await sync_to_async(services.transition)(run.id, from_statuses=[RunStatus.PENDING], to=RunStatus.RUNNING)
    assert (await ws.receive_json_from(timeout=5))["status"] == "running"
    await sync_to_async(services.transition)(
        run.id, from_statuses=[RunStatus.RUNNING], to=RunStatus.COMPLETED, results={"counts": {"00": 1}}
    )
    final = await ws.receive_json_from(timeout=5)
    assert final["status"] == "completed" and final["results"] == {"counts": {"00": 1}}
    assert (await ws.receive_output(timeout=5))["type"] == "websocket.close"


async def test_the_subscribe_path_works_the_same_and_accepts_an_authorization_header(alice, bell):
    run = await sync_to_async(make_run)(alice, bell)
    token = (await sync_to_async(tokens_issue)(user=alice))["access_token"]
    ws, connected = await connect(f"/ws/runs/{run.id}/subscribe", [(b"authorization", f"Bearer {token}".encode())])
    assert connected
    assert (await ws.receive_json_from(timeout=5))["id"] == str(run.id)
    await ws.disconnect()


async def test_a_finished_run_sends_its_state_and_closes(alice, bell):
    run = await sync_to_async(make_run)(alice, bell)
    await sync_to_async(Run.objects.filter(pk=run.pk).update)(status=RunStatus.FAILED, error_class="parse_error")
    ws, _ = await connect(f"/ws/runs/{run.id}")  # public circuit: anonymous may watch
    assert (await ws.receive_json_from(timeout=5))["error_class"] == "parse_error"
    assert (await ws.receive_output(timeout=5))["code"] == 1000


async def close_code(path: str, headers=None) -> int:
    ws, connected = await connect(path, headers)
    assert connected
    return (await ws.receive_output(timeout=5))["code"]


async def test_a_bad_token_is_refused_with_4401(alice, bell):
    run = await sync_to_async(make_run)(alice, bell)
    assert await close_code(f"/ws/runs/{run.id}?token=not-a-token") == 4401


async def test_an_unknown_run_is_refused_with_4404(db):
    assert await close_code("/ws/runs/00000000-0000-0000-0000-000000000000") == 4404


async def test_a_private_run_is_refused_to_anonymous_with_4401_and_to_outsiders_with_4403(alice, charlie, private_bell):
    run = await sync_to_async(make_run)(alice, private_bell)
    assert await close_code(f"/ws/runs/{run.id}") == 4401
    token = (await sync_to_async(tokens_issue)(user=charlie))["access_token"]
    assert await close_code(f"/ws/runs/{run.id}?token={token}") == 4403
