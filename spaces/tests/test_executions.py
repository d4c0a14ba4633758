"""POST /api/spaces/{id}/executions, GET /api/spaces/executions/{id}, and /ws/spaces/executions/{id}."""

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async
from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from accounts.services import tokens_issue
from qubithub.routing import websocket_urlpatterns
from spaces import services
from spaces.models import SpaceExecution
from spaces.tests.conftest import make_space

application = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
STREAMING = "import time\nfor i in range(3):\n    print('line', i, flush=True)\n    time.sleep(0.2)\n"


def start(client, space, **body):
    return client.post(f"/api/spaces/{space.id}/executions", body, format="json")


@pytest.mark.django_db
class TestStartAndGet:
    def test_it_starts_in_the_background_and_the_result_can_be_fetched(
        self, alice_api, bell_space, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = start(alice_api, bell_space, file_to_run="bell.py")
        assert response.status_code == 202
        started = response.json()
        assert started["status"] == "pending" and started["websocket"] == f"/ws/spaces/executions/{started['id']}"
        finished = alice_api.get(f"/api/spaces/executions/{started['id']}").json()
        assert finished["status"] == "success" and "┤ H ├" in finished["output"] and finished["execution_time"] > 0

    def test_it_checks_the_request_like_execute(self, alice_api, bob_api, bell_space):
        assert start(alice_api, bell_space).status_code == 400
        assert start(alice_api, bell_space, file_to_run="nope.py").status_code == 400
        assert start(bob_api, bell_space, code="print(1)").status_code == 403

    def test_only_the_user_who_started_it_may_read_it(self, alice, bob_api, charlie_api, secret_space):
        execution = services.space_execution_start(space=secret_space, user=alice, code="print(1)")
        assert bob_api.get(f"/api/spaces/executions/{execution.id}").status_code == 403
        assert charlie_api.get(f"/api/spaces/executions/{execution.id}").status_code == 404

    def test_a_redelivered_task_does_not_run_twice(self, alice, bell_space):
        execution = services.space_execution_start(space=bell_space, user=alice, code="print(1)")
        services.space_execution_run(execution.id)
        services.space_execution_run(execution.id)
        assert SpaceExecution.objects.get().output == "1\n"
        assert bell_space.__class__.objects.get(pk=bell_space.pk).executions_count == 1


async def connect(path: str):
    communicator = WebsocketCommunicator(application, path)
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


async def messages_until_closed(ws) -> list[dict]:
    received = []
    while True:
        output = await ws.receive_output(timeout=30)
        if output["type"] == "websocket.close":
            return received
        received.append(json.loads(output["text"]))


def lines_of(messages: list[dict]) -> list[str]:
    return [line for m in messages if m["type"] == "output" for line in m["lines"]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
class TestWebSocket:
    async def test_output_lines_stream_as_they_come_then_the_final_status_closes_the_socket(self, alice, monkeypatch):
        monkeypatch.setattr("spaces.services.executions.dispatch", lambda *args, **kwargs: None)  # run it below
        space = await sync_to_async(make_space)(alice, "stream")
        execution = await sync_to_async(services.space_execution_start)(space=space, user=alice, code=STREAMING)
        token = (await sync_to_async(tokens_issue)(user=alice))["access_token"]
        ws = await connect(f"/ws/spaces/executions/{execution.id}?token={token}")
        assert (await ws.receive_json_from(timeout=5))["status"] == "pending"
        task = asyncio.ensure_future(sync_to_async(services.space_execution_run, thread_sensitive=False)(execution.id))
        messages = await messages_until_closed(ws)
        await task
        assert lines_of(messages) == ["line 0", "line 1", "line 2"]
        assert len([m for m in messages if m["type"] == "output"]) == 3  # one message per line, as printed
        assert [m["status"] for m in messages if m["type"] == "status"] == ["running", "success"]

    async def test_a_late_subscriber_gets_the_whole_output_then_the_status(self, alice):
        space = await sync_to_async(make_space)(alice, "late")
        execution = await sync_to_async(services.space_execution_start)(space=space, user=alice, code=STREAMING)
        await sync_to_async(services.space_execution_run)(execution.id)
        token = (await sync_to_async(tokens_issue)(user=alice))["access_token"]
        messages = await messages_until_closed(await connect(f"/ws/spaces/executions/{execution.id}?token={token}"))
        assert lines_of(messages) == ["line 0", "line 1", "line 2"] and messages[-1]["status"] == "success"

    async def test_strangers_are_refused_with_close_codes(self, alice, charlie):
        space = await sync_to_async(make_space)(alice, "mine", is_public=False)
        execution = await sync_to_async(services.space_execution_start)(space=space, user=alice, code="print(1)")
        path = f"/ws/spaces/executions/{execution.id}"
        anonymous = await connect(path)
        assert (await anonymous.receive_output(timeout=5))["code"] == 4401
        token = (await sync_to_async(tokens_issue)(user=charlie))["access_token"]
        outsider = await connect(f"{path}?token={token}")
        assert (await outsider.receive_output(timeout=5))["code"] == 4404
