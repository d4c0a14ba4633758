from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from orgs.access import require_editable
from qubithub.api.pagination import paginated_response
from qubithub.api.parsing import validated_body, validated_query
from qubithub.api.permissions import ApiKeyScopePermission
from qubithub.api.scopes import SPACES
from qubithub.api.throttles import ForkThrottle, StarThrottle, with_default_throttles
from spaces import selectors, services
from spaces.api import serializers as s

SIGNED_IN = [ApiKeyScopePermission, IsAuthenticated]
TAGS = ["spaces"]


def _detail(request, space_id, *, created: bool = False) -> Response:
    space = selectors.space_get(user=request.user, space_id=space_id)
    body = s.SpaceDetail(space, context={"request": request}).data
    return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


def editable_space(request, space_id):
    space = selectors.space_get(user=request.user, space_id=space_id)
    require_editable(request.user, space, what="space")
    return space


class SpaceListView(APIView):
    scopes = SPACES

    def get_permissions(self):
        return [permission() for permission in (SIGNED_IN if self.request.method == "POST" else SIGNED_IN[:1])]

    @extend_schema(parameters=[s.SpaceListQuery], responses={200: s.SpaceCard(many=True)}, tags=TAGS)
    def get(self, request):
        queryset = selectors.space_list(user=request.user, filters=validated_query(s.SpaceListQuery, request))
        return paginated_response(request, queryset, s.SpaceCard, "spaces")

    @extend_schema(request=s.SpaceCreateInput, responses={201: s.SpaceDetail}, tags=TAGS)
    def post(self, request):
        space = services.space_create(creator=request.user, **validated_body(s.SpaceCreateInput, request))
        return _detail(request, space.id, created=True)


class SpaceResolveView(APIView):
    scopes = SPACES

    @extend_schema(
        parameters=[OpenApiParameter("repo_name", str, required=True)], responses={200: s.SpaceDetail}, tags=TAGS
    )
    def get(self, request):
        space = selectors.space_resolve(user=request.user, repo_name=request.query_params.get("repo_name", ""))
        return Response(s.SpaceDetail(space, context={"request": request}).data)


class SpaceDetailView(APIView):
    scopes = SPACES

    def get_permissions(self):
        return [permission() for permission in (SIGNED_IN[:1] if self.request.method == "GET" else SIGNED_IN)]

    @extend_schema(responses={200: s.SpaceDetail}, tags=TAGS)
    def get(self, request, space_id):
        return _detail(request, space_id)

    @extend_schema(request=s.SpaceUpdateInput, responses={200: s.SpaceDetail}, tags=TAGS)
    def put(self, request, space_id):
        space = editable_space(request, space_id)
        services.space_update(space=space, changes=validated_body(s.SpaceUpdateInput, request, partial=True))
        return _detail(request, space_id)

    @extend_schema(responses={204: OpenApiResponse(description="Deleted")}, tags=TAGS)
    def delete(self, request, space_id):
        services.space_delete(space=editable_space(request, space_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SpaceStarView(APIView):
    scopes = SPACES
    permission_classes = SIGNED_IN
    throttle_classes = with_default_throttles(StarThrottle)

    @extend_schema(request=None, responses={200: s.StarOutput}, tags=TAGS)
    def post(self, request, space_id):
        space = selectors.space_get(user=request.user, space_id=space_id)
        starred, count = services.space_star_toggle(space=space, user=request.user)
        return Response({"starred": starred, "stars_count": count})


class SpaceForkView(APIView):
    scopes = SPACES
    permission_classes = SIGNED_IN
    throttle_classes = with_default_throttles(ForkThrottle)

    @extend_schema(request=s.ForkInput, responses={201: s.SpaceDetail}, tags=TAGS)
    def post(self, request, space_id):
        source = selectors.space_get(user=request.user, space_id=space_id)
        data = validated_body(s.ForkInput, request) if request.data else {}
        fork = services.space_fork(source=source, user=request.user, name=data.get("name"))
        return _detail(request, fork.id, created=True)


class SpaceFileCreateView(APIView):
    scopes = SPACES
    permission_classes = SIGNED_IN

    @extend_schema(request=s.FileCreateInput, responses={201: s.SpaceFileOutput}, tags=TAGS)
    def post(self, request, space_id):
        space = editable_space(request, space_id)
        data = validated_body(s.FileCreateInput, request)
        record = services.space_file_create(
            space=space, user=request.user, path=data["path"], content=data["content"].encode()
        )
        return Response(s.SpaceFileOutput(record).data, status=status.HTTP_201_CREATED)


class SpaceFileView(APIView):
    scopes = SPACES
    permission_classes = SIGNED_IN

    def _record(self, request, file_id):
        record = selectors.space_file_get(user=request.user, file_id=file_id)
        require_editable(request.user, record.space, what="space")
        return record

    @extend_schema(request=s.FileUpdateInput, responses={200: s.SpaceFileOutput}, tags=TAGS)
    def put(self, request, file_id):
        record = self._record(request, file_id)
        data = validated_body(s.FileUpdateInput, request)
        content = data["content"].encode() if "content" in data else None
        record = services.space_file_update(record=record, user=request.user, content=content, path=data.get("path"))
        return Response(s.SpaceFileOutput(record).data)

    @extend_schema(responses={204: OpenApiResponse(description="Deleted")}, tags=TAGS)
    def delete(self, request, file_id):
        services.space_file_delete(record=self._record(request, file_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
