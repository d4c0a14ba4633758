"""Input and output shapes of the benchmarks API (outputs are read-only; no logic in create/update)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from benchmarks import selectors
from benchmarks.models import Problem, ReferenceCircuit, Result, Submission, Suite
from orgs.access import can_view
from runs.models import MAX_SHOTS, BackendType


class RunQuery(serializers.Serializer):
    suite_name = serializers.CharField(max_length=100)
    problem_idx = serializers.IntegerField(min_value=0, default=0)
    circuit_idx = serializers.IntegerField(min_value=0, default=0)
    backend = serializers.CharField(max_length=100, required=False)
    shots = serializers.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)


class BoardQuery(serializers.Serializer):
    backend = serializers.CharField(max_length=100, required=False)
    backend_type = serializers.ChoiceField(choices=BackendType.choices, required=False)
    shots = serializers.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)
    verified = serializers.BooleanField(required=False, allow_null=True, default=None)


class SubmissionInput(serializers.Serializer):
    suite_name = serializers.CharField(max_length=100)
    problem_idx = serializers.IntegerField(min_value=0)
    circuit_id = serializers.UUIDField()
    version = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    backends = serializers.ListField(child=serializers.CharField(max_length=100), required=False, max_length=20)
    shots = serializers.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)


class SuiteCard(serializers.ModelSerializer):
    key = serializers.CharField()
    problems_count = serializers.IntegerField()

    class Meta:
        model = Suite
        fields = [
            "id",
            "name",
            "version",
            "key",
            "title",
            "description",
            "metric",
            "backends",
            "shots",
            "problems_count",
            "published_at",
        ]


class ReferenceOutput(serializers.ModelSerializer):
    circuit_idx = serializers.IntegerField(source="index")
    circuit_id = serializers.UUIDField(source="circuit_version.circuit_id")
    repo_name = serializers.CharField(source="circuit_version.circuit.repo_name")
    version = serializers.IntegerField(source="circuit_version.version_number")
    circuit_version_id = serializers.UUIDField()

    class Meta:
        model = ReferenceCircuit
        fields = ["circuit_idx", "name", "title", "circuit_id", "repo_name", "version", "circuit_version_id"]


class ProblemOutput(serializers.ModelSerializer):
    problem_idx = serializers.IntegerField(source="index")
    circuits = ReferenceOutput(many=True)

    class Meta:
        model = Problem
        fields = [
            "id",
            "problem_idx",
            "name",
            "title",
            "family",
            "qubits",
            "params",
            "headline",
            "uniform_fidelity",
            "circuits",
        ]


class ProblemDetail(ProblemOutput):
    class Meta(ProblemOutput.Meta):
        fields = [*ProblemOutput.Meta.fields, "ideal_distribution"]


class SuiteDetail(SuiteCard):
    problems = ProblemOutput(many=True)
    problems_count = serializers.SerializerMethodField()

    class Meta(SuiteCard.Meta):
        fields = [*SuiteCard.Meta.fields, "problems"]

    def get_problems_count(self, suite) -> int:
        return len(suite.problems.all())


class UserRef(serializers.Serializer):
    id = serializers.UUIDField()
    username = serializers.CharField()
    name = serializers.CharField()


class CircuitRef(serializers.Serializer):
    id = serializers.UUIDField()
    repo_name = serializers.CharField()
    version = serializers.IntegerField()
    circuit_version_id = serializers.UUIDField()


class ResultOutput(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    suite = serializers.CharField(source="problem.suite.key")
    problem_idx = serializers.IntegerField(source="problem.index")
    problem = serializers.CharField(source="problem.name")
    metric = serializers.CharField(source="problem.suite.metric")
    user = UserRef()
    circuit = serializers.SerializerMethodField()
    circuit_idx = serializers.IntegerField(source="reference.index", allow_null=True, default=None)
    backend = serializers.CharField(source="backend_name")

    class Meta:
        model = Result
        fields = [
            "id",
            "status",
            "suite",
            "problem_idx",
            "problem",
            "metric",
            "score",
            "score_lcb",
            "metrics",
            "verified",
            "ranked",
            "user",
            "circuit",
            "circuit_idx",
            "submission_id",
            "backend",
            "backend_type",
            "shots",
            "seed",
            "calibration_snapshot",
            "run_id",
            "rerun_of_id",
            "created_at",
            "scored_at",
        ]

    def get_status(self, result) -> str:
        return selectors.result_state(result)

    @extend_schema_field(CircuitRef(allow_null=True))
    def get_circuit(self, result):
        """null when the circuit is private to the viewer: the entry still ranks, its code stays private."""
        version = result.circuit_version
        request = self.context.get("request")
        if not can_view(getattr(request, "user", None), version.circuit):
            return None
        return {
            "id": version.circuit_id,
            "repo_name": version.circuit.repo_name,
            "version": version.version_number,
            "circuit_version_id": version.id,
        }


class EntryOutput(ResultOutput):
    rank = serializers.IntegerField()
    status = None

    class Meta(ResultOutput.Meta):
        fields = ["rank", *[f for f in ResultOutput.Meta.fields if f not in ("status", "ranked")]]


class MyRankOutput(serializers.Serializer):
    rank = serializers.IntegerField()
    board_size = serializers.IntegerField()
    entry = EntryOutput()


class FeaturedOutput(serializers.Serializer):
    suite = serializers.CharField(source="suite.key")
    problem = ProblemOutput()
    metric = serializers.CharField(source="suite.metric")
    leaders = EntryOutput(many=True)


class SubmissionOutput(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    detail = serializers.SerializerMethodField()
    suite = serializers.CharField(source="problem.suite.key")
    problem_idx = serializers.IntegerField(source="problem.index")
    problem = serializers.CharField(source="problem.name")
    circuit_id = serializers.UUIDField(source="circuit_version.circuit_id")
    version = serializers.IntegerField(source="circuit_version.version_number")
    results = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "status",
            "detail",
            "check_fidelity",
            "check_run_id",
            "suite",
            "problem_idx",
            "problem",
            "circuit_id",
            "version",
            "results",
            "created_at",
            "checked_at",
        ]

    def get_status(self, submission) -> str:
        return selectors.submission_state(submission)[0]

    def get_detail(self, submission) -> str:
        return selectors.submission_state(submission)[1]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_results(self, submission):
        return [str(pk) for pk in submission.results.values_list("id", flat=True)]


class MatrixCell(serializers.Serializer):
    mean = serializers.FloatField()
    best = serializers.FloatField()
    runs = serializers.IntegerField()
    last = serializers.DateTimeField()


class MatrixRow(serializers.Serializer):
    problem_idx = serializers.IntegerField()
    problem = serializers.CharField()
    qubits = serializers.IntegerField()
    circuit_idx = serializers.IntegerField()
    circuit = serializers.CharField()
    cells = serializers.ListField(child=MatrixCell(allow_null=True), help_text="Aligned with `backends`.")


class MatrixOutput(serializers.Serializer):
    suite = serializers.CharField()
    metric = serializers.CharField()
    backends = serializers.ListField(child=serializers.CharField())
    rows = MatrixRow(many=True)
