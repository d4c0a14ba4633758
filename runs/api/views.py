from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from circuits import selectors as circuit_selectors
from qubithub.api.pagination import paginated_response
from qubithub.api.parsing import validated_body, validated_query
from qubithub.api.scopes import RUNS
from runs import selectors, services
from runs.api import serializers as s
from runs.models import Run


class RunListView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[s.RunListQuery], responses={200: s.RunCard(many=True)}, tags=["runs"])
    def get(self, request):
        queryset = selectors.run_list(user=request.user, filters=validated_query(s.RunListQuery, request))
        return paginated_response(request, queryset, s.RunCard, "runs")

    @extend_schema(request=s.RunCreateInput, responses={201: s.RunOutput}, tags=["runs"])
    def post(self, request):
        data = validated_body(s.RunCreateInput, request)
        run = services.run_submit(
            user=request.user,
            circuit_id=data["circuit_id"],
            backend_type=data["backend_type"],
            backend_name=data["backend_name"],
            shots=data["shots"],
            parameters=data["parameters"],
            want_statevector=data["statevector"],
        )
        run = Run.objects.select_related("circuit__organization").get(pk=run.pk)
        return Response(s.RunOutput(run).data, status=status.HTTP_201_CREATED)


class RunDetailView(APIView):
    scopes = RUNS

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "DELETE" else []

    @extend_schema(responses={200: s.RunOutput}, tags=["runs"])
    def get(self, request, run_id):
        return Response(s.RunOutput(selectors.run_get(user=request.user, run_id=run_id)).data)

    @extend_schema(responses={204: None}, tags=["runs"])
    def delete(self, request, run_id):
        run = selectors.run_get(user=request.user, run_id=run_id)
        services.run_cancel_or_delete(user=request.user, run=run)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyRunStatsView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: s.RunStats}, tags=["runs"])
    def get(self, request):
        return Response(selectors.run_stats(Run.objects.filter(user=request.user)))


class CircuitRunStatsView(APIView):
    scopes = RUNS

    @extend_schema(responses={200: s.RunStats}, tags=["runs"])
    def get(self, request, circuit_id):
        circuit = circuit_selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        return Response(selectors.run_stats(selectors.circuit_runs(user=request.user, circuit=circuit)))


class CircuitRunsView(APIView):
    scopes = RUNS

    @extend_schema(parameters=[s.RunListQuery], responses={200: s.RunCard(many=True)}, tags=["runs"])
    def get(self, request, circuit_id):
        circuit = circuit_selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        filters = validated_query(s.RunListQuery, request)
        queryset = selectors.circuit_runs(user=request.user, circuit=circuit)
        if filters.get("status"):
            queryset = queryset.filter(status=filters["status"])
        return paginated_response(request, queryset, s.RunCard, "runs")
