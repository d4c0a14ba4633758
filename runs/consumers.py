"""WebSocket /ws/runs/{id}: the current state on connect, then every transition; closed after a terminal state.

Consumers authenticate, subscribe and send; they never write.
"""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.contrib.auth.models import AnonymousUser

from runs import events
from runs.models import TERMINAL_STATUSES, Run
from runs.selectors import run_visible

CLOSE_UNAUTHENTICATED, CLOSE_FORBIDDEN, CLOSE_NOT_FOUND = 4401, 4403, 4404


def _bearer_token(scope) -> str | None:
    query = parse_qs(scope.get("query_string", b"").decode())
    if query.get("token"):
        return query["token"][0]
    for name, value in scope.get("headers", []):
        if name == b"authorization" and value.lower().startswith(b"bearer "):
            return value[7:].decode().strip()
    return None


@database_sync_to_async
def _user_for_token(token: str):
    from rest_framework_simplejwt.authentication import JWTAuthentication
    from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

    auth = JWTAuthentication()
    try:
        return auth.get_user(auth.get_validated_token(token))
    except (InvalidToken, TokenError, Exception):
        return None


@database_sync_to_async
def _visible_state(user, run_id) -> tuple[int | None, dict | None]:
    run = Run.objects.select_related("circuit").filter(pk=run_id).first()
    if run is None:
        return CLOSE_NOT_FOUND, None
    if not run_visible(user, run):
        return (CLOSE_FORBIDDEN if user.is_authenticated else CLOSE_UNAUTHENTICATED), None
    return None, events.run_state(run)


class RunConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.group = None
        user = self.scope.get("user") or AnonymousUser()
        token = _bearer_token(self.scope)
        if token:
            user = await _user_for_token(token)
            if user is None:
                await self.refuse(CLOSE_UNAUTHENTICATED)
                return
        refusal, state = await _visible_state(user, self.scope["url_route"]["kwargs"]["run_id"])
        if refusal:
            await self.refuse(refusal)
            return
        self.group = events.group_name(state["id"])
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_state(state)

    async def refuse(self, code: int):
        """Accept, then close with an application code the client can read (a rejected handshake has none)."""
        await self.accept()
        await self.close(code=code)

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Clients only listen; anything they send is ignored."""

    async def run_update(self, event):
        await self.send_state(event["state"])

    async def send_state(self, state: dict):
        if getattr(self, "finished", False):
            return  # an event that arrived after the final state: the socket is already closed
        await self.send_json(state)
        if state["status"] in TERMINAL_STATUSES:
            self.finished = True
            await self.close(code=1000)
