"""WebSocket routes; each app that publishes realtime events adds its patterns here."""

websocket_urlpatterns: list = []
