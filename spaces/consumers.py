"""WebSocket /ws/spaces/executions/{id}: the output so far on connect, then each batch of lines as it comes, then
the final status, after which the socket closes. Only the user who started the execution may follow it.

Messages: {"type": "output", "seq": <index of the first line>, "lines": [...]}, {"type": "status", "status", ...}.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.contrib.auth.models import AnonymousUser

from qubithub.errors import Forbidden, NotFound
from runs.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED, _bearer_token, _user_for_token
from spaces import events
from spaces.selectors import execution_get


@database_sync_to_async
def _snapshot(user, execution_id) -> tuple[int | None, dict | None, list[str]]:
    """(refusal close code, state, output lines so far). Read after joining the group, so nothing falls between."""
    if not user.is_authenticated:
        return CLOSE_UNAUTHENTICATED, None, []
    try:
        execution = execution_get(user=user, execution_id=execution_id)
    except NotFound:
        return CLOSE_NOT_FOUND, None, []
    except Forbidden:
        return CLOSE_FORBIDDEN, None, []
    lines = execution.output.split("\n") if execution.finished else events.output_so_far(execution.id)
    if execution.finished and lines and lines[-1] == "":
        lines.pop()
    return None, events.execution_state(execution), lines


class SpaceExecutionConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.group = None
        self.sent_lines = 0
        user = self.scope.get("user") or AnonymousUser()
        token = _bearer_token(self.scope)
        if token:
            user = await _user_for_token(token) or AnonymousUser()
        execution_id = self.scope["url_route"]["kwargs"]["execution_id"]
        self.group = events.group_name(execution_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        refusal, state, lines = await _snapshot(user, execution_id)
        await self.accept()
        if refusal:
            await self.close(code=refusal)
            return
        await self.send_lines(0, lines)
        await self.send_state(state)

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Clients only listen; anything they send is ignored."""

    async def execution_event(self, event):
        message = event["message"]
        if message["type"] == "output":
            await self.send_lines(message["seq"], message["lines"])
        else:
            await self.send_state(message)

    async def send_lines(self, seq: int, lines: list[str]):
        fresh = lines[max(self.sent_lines - seq, 0) :]
        if fresh:
            await self.send_json({"type": "output", "seq": self.sent_lines, "lines": fresh})
            self.sent_lines += len(fresh)

    async def send_state(self, state: dict):
        await self.send_json(state)
        if state["status"] not in ("pending", "running"):
            await self.close(code=1000)
