from django.urls import path

from spaces.consumers import SpaceExecutionConsumer

websocket_urlpatterns = [
    path("ws/spaces/executions/<uuid:execution_id>", SpaceExecutionConsumer.as_asgi()),
]
