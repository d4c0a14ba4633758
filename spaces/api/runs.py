"""Execute, executions (streamed), visualize: the views that run a space's code in the sandbox."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from qubithub.api.parsing import validated_body
from qubithub.api.scopes import SPACE_EXECUTE
from spaces import selectors, services
from spaces.api import serializers as s
from spaces.api.views import SIGNED_IN, TAGS, editable_space


class SpaceExecuteView(APIView):
    scopes = SPACE_EXECUTE
    permission_classes = SIGNED_IN

    @extend_schema(request=s.ExecuteInput, responses={200: s.ExecuteOutput}, tags=TAGS)
    def post(self, request, space_id):
        space = editable_space(request, space_id)
        execution = services.space_execute(space=space, user=request.user, **validated_body(s.ExecuteInput, request))
        return Response(s.ExecuteOutput(execution).data)


class SpaceExecutionStartView(APIView):
    scopes = SPACE_EXECUTE
    permission_classes = SIGNED_IN

    @extend_schema(request=s.ExecuteInput, responses={202: s.ExecutionOutput}, tags=TAGS)
    def post(self, request, space_id):
        space = editable_space(request, space_id)
        data = validated_body(s.ExecuteInput, request)
        execution = services.space_execution_start(space=space, user=request.user, **data)
        return Response(s.ExecutionOutput(execution).data, status=status.HTTP_202_ACCEPTED)


class SpaceExecutionView(APIView):
    scopes = SPACE_EXECUTE
    permission_classes = SIGNED_IN

    @extend_schema(responses={200: s.ExecutionOutput}, tags=TAGS)
    def get(self, request, execution_id):
        execution = selectors.execution_get(user=request.user, execution_id=execution_id)
        return Response(s.ExecutionOutput(execution).data)


class SpaceVisualizeView(APIView):
    scopes = SPACE_EXECUTE
    permission_classes = SIGNED_IN

    @extend_schema(request=s.VisualizeInput, responses={200: s.VisualizeOutput}, tags=TAGS)
    def post(self, request, space_id):
        space = selectors.space_get(user=request.user, space_id=space_id)
        data = validated_body(s.VisualizeInput, request)
        return Response(services.space_visualize(space=space, user=request.user, fmt=data.pop("format"), **data))
