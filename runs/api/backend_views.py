"""The backend catalogue, straight from the engine."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from qubithub.api.exceptions import InvalidInput, NotFound
from qubithub.api.scopes import RUNS
from runs import engine
from runs.api import serializers as s
from runs.providers import services as provider_services

BACKEND_TYPES = ("simulation", "emulation", "hardware")


class BackendListView(APIView):
    scopes = RUNS

    @extend_schema(
        tags=["backends"],
        parameters=[OpenApiParameter("type", str, enum=list(BACKEND_TYPES))],
        responses={200: s.BackendListOutput},
    )
    def get(self, request):
        backends = engine.backend_catalogue()
        wanted = request.query_params.get("type")
        if wanted:
            if wanted not in BACKEND_TYPES:
                raise InvalidInput(f"type must be one of {', '.join(BACKEND_TYPES)}.")
            backends = [b for b in backends if b["type"] == wanted]
        backends = provider_services.backends_for(user=request.user, backends=backends)
        return Response({"backends": backends, "total": len(backends)})


class BackendDetailView(APIView):
    scopes = RUNS

    @extend_schema(tags=["backends"], responses={200: s.BackendOutput})
    def get(self, request, backend_id):
        backend = engine.backend_get(backend_id)
        if backend is None:
            raise NotFound(f"Backend '{backend_id}' not found.")
        return Response(provider_services.backends_for(user=request.user, backends=[backend])[0])


class BackendCalibrationView(APIView):
    scopes = RUNS

    @extend_schema(tags=["backends"], responses={200: s.CalibrationOutput})
    def get(self, request, backend_id):
        if engine.backend_get(backend_id) is None:
            raise NotFound(f"Backend '{backend_id}' not found.")
        calibration = engine.backend_calibration(backend_id)
        if calibration is None:
            raise NotFound(f"Backend '{backend_id}' has no calibration data (only device backends do).")
        return Response(calibration)
