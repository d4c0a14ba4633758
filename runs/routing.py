from django.urls import path

from runs.consumers import RunConsumer

websocket_urlpatterns = [
    path("ws/runs/<uuid:run_id>", RunConsumer.as_asgi()),
    path("ws/runs/<uuid:run_id>/subscribe", RunConsumer.as_asgi()),
]
