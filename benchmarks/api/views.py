"""Benchmarks API: parse, call one selector or service, render."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from benchmarks import selectors, services
from benchmarks.api import serializers as s
from qubithub.api.pagination import envelope, page_params, paginated_response
from qubithub.api.parsing import validated_body, validated_query
from qubithub.api.scopes import RUNS, Scopes

# Suites and leaderboards are public: any key may read them; starting runs needs runs:submit.
PUBLIC = Scopes(read=None, write="runs:submit")
TAGS = ["benchmarks"]


class SuiteListView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.SuiteCard(many=True)}, tags=TAGS)
    def get(self, request):
        return paginated_response(request, selectors.suite_list(), s.SuiteCard, "suites")


class SuiteDetailView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.SuiteDetail}, tags=TAGS)
    def get(self, request, suite_name):
        return Response(s.SuiteDetail(selectors.suite_detail(selectors.suite_get(suite_name))).data)


class ProblemDetailView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.ProblemDetail}, tags=TAGS)
    def get(self, request, suite_name, problem_id):
        problem = selectors.problem_get(selectors.suite_get(suite_name), problem_id)
        return Response(s.ProblemDetail(problem).data)


class SuiteMatrixView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.MatrixOutput}, tags=TAGS)
    def get(self, request, suite_name):
        return Response(s.MatrixOutput(selectors.matrix(selectors.suite_get(suite_name))).data)


class LeaderboardView(APIView):
    scopes = PUBLIC

    @extend_schema(parameters=[s.BoardQuery], responses={200: s.EntryOutput(many=True)}, tags=TAGS)
    def get(self, request, suite_name, problem_id):
        problem = selectors.problem_get(selectors.suite_get(suite_name), problem_id)
        filters = validated_query(s.BoardQuery, request)
        page, limit = page_params(request.query_params)
        entries = selectors.leaderboard_slice(
            problem=problem, filters=filters, start=(page - 1) * limit, stop=page * limit
        )
        total = selectors.board_results(problem=problem, filters=filters).count()
        data = s.EntryOutput(entries, many=True, context={"request": request}).data
        body = envelope("entries", data, total=total, page=page, limit=limit)
        body.update(
            {
                "suite": problem.suite.key,
                "problem": problem.name,
                "problem_idx": problem.index,
                "metric": problem.suite.metric,
                "board": ["backend_type", "shots"],
            }
        )
        return Response(body)


class MyRankView(APIView):
    scopes = PUBLIC
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[s.BoardQuery], responses={200: s.MyRankOutput}, tags=TAGS)
    def get(self, request, suite_name, problem_id):
        problem = selectors.problem_get(selectors.suite_get(suite_name), problem_id)
        mine = selectors.my_rank(problem=problem, user=request.user, filters=validated_query(s.BoardQuery, request))
        return Response(s.MyRankOutput(mine, context={"request": request}).data)


class FeaturedView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.FeaturedOutput(many=True)}, tags=TAGS)
    def get(self, request):
        """A list like any other: {"featured": [...], "total", "page", "pages"}, paginated with page and limit."""
        page, limit = page_params(request.query_params)
        featured = selectors.featured()
        chosen = featured[(page - 1) * limit : page * limit]
        items = s.FeaturedOutput(chosen, many=True, context={"request": request}).data
        return Response(envelope("featured", items, total=len(featured), page=page, limit=limit))


class BenchmarkRunView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[s.RunQuery], request=None, responses={201: s.ResultOutput(many=True)}, tags=TAGS)
    def post(self, request):
        query = validated_query(s.RunQuery, request)
        results = services.benchmark_run(user=request.user, **query)
        data = s.ResultOutput(results, many=True, context={"request": request}).data
        return Response({"results": data}, status=status.HTTP_201_CREATED)


class ResultDetailView(APIView):
    scopes = PUBLIC

    @extend_schema(responses={200: s.ResultOutput}, tags=TAGS)
    def get(self, request, result_id):
        return Response(s.ResultOutput(selectors.result_get(result_id), context={"request": request}).data)


class ResultRerunView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={201: s.ResultOutput}, tags=TAGS)
    def post(self, request, result_id):
        rerun = services.result_rerun(user=request.user, result=selectors.result_get(result_id))
        return Response(s.ResultOutput(rerun, context={"request": request}).data, status=status.HTTP_201_CREATED)


class SubmissionCreateView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.SubmissionInput, responses={201: s.SubmissionOutput}, tags=TAGS)
    def post(self, request):
        data = validated_body(s.SubmissionInput, request)
        submission = services.submission_create(
            user=request.user,
            suite_name=data["suite_name"],
            problem_idx=data["problem_idx"],
            circuit_id=data["circuit_id"],
            version_number=data["version"],
            backends=data.get("backends"),
            shots=data.get("shots"),
        )
        return Response(s.SubmissionOutput(submission).data, status=status.HTTP_201_CREATED)


class SubmissionDetailView(APIView):
    scopes = RUNS
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: s.SubmissionOutput}, tags=TAGS)
    def get(self, request, submission_id):
        submission = selectors.submission_get(user=request.user, submission_id=submission_id)
        return Response(s.SubmissionOutput(submission).data)
