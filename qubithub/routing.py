"""WebSocket routes; each app that publishes realtime events adds its patterns here."""

from runs.routing import websocket_urlpatterns as run_patterns
from spaces.routing import websocket_urlpatterns as space_patterns

websocket_urlpatterns: list = [*run_patterns, *space_patterns]
