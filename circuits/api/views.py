import hashlib

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from circuits import diffs, selectors, services
from circuits.api import serializers as s
from circuits.querysets import card_page
from orgs.access import require_editable
from qubithub.api.pagination import envelope, page_params
from qubithub.api.parsing import validated_body
from qubithub.api.permissions import ApiKeyScopePermission
from qubithub.api.scopes import CIRCUITS
from qubithub.api.throttles import ForkThrottle, StarThrottle, with_default_throttles


def _list_query(request) -> dict:
    data = {key: request.query_params.get(key) for key in request.query_params if key != "tags"}
    data["tags"] = request.query_params.getlist("tags") + request.query_params.getlist("tag")
    serializer = s.CircuitListQuery(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def card_list(request, queryset) -> Response:
    page, limit = page_params(request.query_params)
    rows = card_page(queryset, request.user, offset=(page - 1) * limit, limit=limit)
    cards = s.CircuitCard(rows, many=True, context={"request": request}).data
    return Response(envelope("circuits", cards, total=queryset.count(), page=page, limit=limit))


def signed_in() -> list:
    return [ApiKeyScopePermission(), IsAuthenticated()]


def viewer_key(request) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = request.META.get("REMOTE_ADDR", "")
    return "ip:" + hashlib.sha256(address.encode()).hexdigest()[:24]


def _detail(request, circuit) -> Response:
    return Response(s.CircuitDetail(circuit, context={"request": request}).data)


class CircuitListView(APIView):
    scopes = CIRCUITS
    envelope_key = "circuits"

    def get_permissions(self):
        return (
            [ApiKeyScopePermission(), IsAuthenticated()] if self.request.method == "POST" else [ApiKeyScopePermission()]
        )

    @extend_schema(parameters=[s.CircuitListQuery], responses={200: s.CircuitCard(many=True)}, tags=["circuits"])
    def get(self, request):
        return card_list(request, selectors.circuit_list(user=request.user, filters=_list_query(request)))

    @extend_schema(request=s.CircuitCreateInput, responses={201: s.CircuitDetail}, tags=["circuits"])
    def post(self, request):
        data = validated_body(s.CircuitCreateInput, request)
        circuit = services.circuit_create(creator=request.user, **data)
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit.id)
        return Response(s.CircuitDetail(circuit).data, status=status.HTTP_201_CREATED)


class CircuitResolveView(APIView):
    scopes = CIRCUITS

    @extend_schema(
        parameters=[OpenApiParameter("repo_name", str, required=True)],
        responses={200: s.CircuitDetail},
        tags=["circuits"],
    )
    def get(self, request):
        circuit = selectors.circuit_resolve(user=request.user, repo_name=request.query_params.get("repo_name", ""))
        services.circuit_view_record(circuit=circuit, viewer_key=viewer_key(request))
        return _detail(request, circuit)


class CircuitDetailView(APIView):
    scopes = CIRCUITS

    def get_permissions(self):
        return (
            [ApiKeyScopePermission()] if self.request.method == "GET" else [ApiKeyScopePermission(), IsAuthenticated()]
        )

    @extend_schema(responses={200: s.CircuitDetail}, tags=["circuits"])
    def get(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        services.circuit_view_record(circuit=circuit, viewer_key=viewer_key(request))
        return _detail(request, circuit)

    @extend_schema(request=s.CircuitUpdateInput, responses={200: s.CircuitDetail}, tags=["circuits"])
    def put(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        require_editable(request.user, circuit, what="circuit")
        changes = validated_body(s.CircuitUpdateInput, request, partial=True)
        services.circuit_update(circuit=circuit, changes=changes)
        return _detail(request, selectors.circuit_get(user=request.user, circuit_id=circuit_id))

    @extend_schema(responses={204: OpenApiResponse(description="Deleted")}, tags=["circuits"])
    def delete(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        require_editable(request.user, circuit, what="circuit")
        services.circuit_delete(circuit=circuit)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CircuitStarView(APIView):
    scopes = CIRCUITS
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]
    throttle_classes = with_default_throttles(StarThrottle)

    @extend_schema(request=None, responses={200: s.StarOutput}, tags=["circuits"])
    def post(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        starred, count = services.circuit_star_toggle(circuit=circuit, user=request.user)
        return Response({"starred": starred, "stars_count": count})


class CircuitForkView(APIView):
    scopes = CIRCUITS
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]
    throttle_classes = with_default_throttles(ForkThrottle)

    @extend_schema(request=s.ForkInput, responses={201: s.CircuitDetail}, tags=["circuits"])
    def post(self, request, circuit_id):
        source = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        data = validated_body(s.ForkInput, request) if request.data else {}
        fork = services.circuit_fork(source=source, user=request.user, name=data.get("name"))
        fork = selectors.circuit_get(user=request.user, circuit_id=fork.id)
        return Response(s.CircuitDetail(fork).data, status=status.HTTP_201_CREATED)


class CircuitDiffView(APIView):
    scopes = CIRCUITS

    @extend_schema(responses={200: s.DiffOutput}, tags=["circuits"])
    def get(self, request, circuit_id, a: int, b: int):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        return Response(s.DiffOutput(diffs.circuit_version_diff(circuit=circuit, a=a, b=b)).data)
