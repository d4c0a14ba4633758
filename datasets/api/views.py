"""Dataset metadata endpoints: list, create, detail, update, delete, resolve, star, fork."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from datasets import selectors, services
from datasets.api import serializers as s
from datasets.api.negotiation import FormatIsData
from orgs.access import require_editable
from qubithub.api.pagination import EnvelopePagination
from qubithub.api.parsing import validated_body
from qubithub.api.scopes import DATASETS
from qubithub.api.throttles import ForkThrottle, StarThrottle, with_default_throttles


def _list_query(request) -> dict:
    params = request.query_params
    data = {key: params.get(key) for key in params if key not in ("tags", "task_categories")}
    data["tags"] = params.getlist("tags") + params.getlist("tag")
    data["task_categories"] = params.getlist("task_categories")
    serializer = s.DatasetListQuery(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _authenticated_for_writes(view):
    return [] if view.request.method in ("GET", "HEAD", "OPTIONS") else [IsAuthenticated()]


def _detail(request, dataset_id, *, status_code=status.HTTP_200_OK) -> Response:
    dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
    return Response(s.DatasetDetail(dataset, context={"request": request}).data, status=status_code)


class DatasetListView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData
    envelope_key = "datasets"

    def get_permissions(self):
        return _authenticated_for_writes(self) + super().get_permissions()

    @extend_schema(parameters=[s.DatasetListQuery], responses={200: s.DatasetCard(many=True)}, tags=["datasets"])
    def get(self, request):
        queryset = selectors.dataset_list(user=request.user, filters=_list_query(request))
        paginator = EnvelopePagination()
        page = paginator.paginate_queryset(queryset, request, self)
        return paginator.get_paginated_response(s.DatasetCard(page, many=True).data)

    @extend_schema(request=s.DatasetCreateInput, responses={201: s.DatasetDetail}, tags=["datasets"])
    def post(self, request):
        dataset = services.dataset_create(creator=request.user, **validated_body(s.DatasetCreateInput, request))
        return _detail(request, dataset.id, status_code=status.HTTP_201_CREATED)


class DatasetResolveView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    @extend_schema(
        parameters=[OpenApiParameter("repo_name", str, required=True)],
        responses={200: s.DatasetDetail},
        tags=["datasets"],
    )
    def get(self, request):
        repo_name = request.query_params.get("repo_name", "")
        dataset = selectors.dataset_resolve(user=request.user, repo_name=repo_name)
        return Response(s.DatasetDetail(dataset).data)


class DatasetDetailView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    def get_permissions(self):
        return _authenticated_for_writes(self) + super().get_permissions()

    @extend_schema(responses={200: s.DatasetDetail}, tags=["datasets"])
    def get(self, request, dataset_id):
        return _detail(request, dataset_id)

    @extend_schema(request=s.DatasetUpdateInput, responses={200: s.DatasetDetail}, tags=["datasets"])
    def put(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        require_editable(request.user, dataset, what="dataset")
        services.dataset_update(dataset=dataset, changes=validated_body(s.DatasetUpdateInput, request, partial=True))
        return _detail(request, dataset_id)

    patch = put

    @extend_schema(responses={204: None}, tags=["datasets"])
    def delete(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        require_editable(request.user, dataset, what="dataset")
        services.dataset_delete(dataset=dataset)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DatasetStarView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData
    permission_classes = [IsAuthenticated]
    throttle_classes = with_default_throttles(StarThrottle)

    @extend_schema(request=None, responses={200: s.StarOutput}, tags=["datasets"])
    def post(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        starred, count = services.dataset_star_toggle(dataset=dataset, user=request.user)
        return Response({"starred": starred, "stars_count": count})


class DatasetForkView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData
    permission_classes = [IsAuthenticated]
    throttle_classes = with_default_throttles(ForkThrottle)

    @extend_schema(request=s.ForkInput, responses={201: s.DatasetDetail}, tags=["datasets"])
    def post(self, request, dataset_id):
        source = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        body = validated_body(s.ForkInput, request) if request.data else {}
        fork = services.dataset_fork(source=source, user=request.user, name=body.get("name"))
        return _detail(request, fork.id, status_code=status.HTTP_201_CREATED)
