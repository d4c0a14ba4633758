from rest_framework import serializers

from runs.models import MAX_SHOTS, BackendType, Run, RunStatus


class RunCreateInput(serializers.Serializer):
    circuit_id = serializers.UUIDField()
    backend_type = serializers.ChoiceField(choices=BackendType.choices, default=BackendType.SIMULATION)
    backend_name = serializers.CharField(max_length=100, default="qiskit_aer")
    shots = serializers.IntegerField(min_value=1, max_value=MAX_SHOTS, default=1024)
    parameters = serializers.DictField(required=False, allow_null=True, default=dict)
    statevector = serializers.BooleanField(required=False, default=False)

    def validate_parameters(self, value):
        value = value or {}
        for name, number in value.items():
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise serializers.ValidationError(f"parameter '{name}' must be a number.")
        return value


class RunOutput(serializers.ModelSerializer):
    circuit_id = serializers.UUIDField()
    circuit_version_id = serializers.UUIDField(allow_null=True)
    user_id = serializers.UUIDField()
    circuit_name = serializers.SerializerMethodField()

    class Meta:
        model = Run
        fields = [
            "id",
            "circuit_id",
            "circuit_version_id",
            "circuit_name",
            "user_id",
            "backend_type",
            "backend_name",
            "status",
            "shots",
            "parameters",
            "results",
            "metrics",
            "error_message",
            "error_class",
            "attempts",
            "created_at",
            "queued_at",
            "started_at",
            "completed_at",
        ]

    def get_circuit_name(self, run) -> str:
        return run.circuit.repo_name


class RunCard(RunOutput):
    class Meta(RunOutput.Meta):
        fields = [
            "id",
            "circuit_id",
            "circuit_name",
            "status",
            "backend_type",
            "backend_name",
            "shots",
            "created_at",
            "started_at",
            "completed_at",
            "error_message",
            "error_class",
        ]


class RunListQuery(serializers.Serializer):
    status = serializers.ChoiceField(choices=RunStatus.choices, required=False)
    circuit_id = serializers.UUIDField(required=False)
    backend_name = serializers.CharField(required=False, max_length=100)
    backend_type = serializers.ChoiceField(choices=BackendType.choices, required=False)


class RunStats(serializers.Serializer):
    total_runs = serializers.IntegerField()
    pending_runs = serializers.IntegerField()
    queued_runs = serializers.IntegerField()
    running_runs = serializers.IntegerField()
    completed_runs = serializers.IntegerField()
    failed_runs = serializers.IntegerField()
    cancelled_runs = serializers.IntegerField()
    total_shots = serializers.IntegerField()
    total_execution_time = serializers.FloatField()
    avg_execution_time = serializers.FloatField()
    success_rate = serializers.FloatField()


class BackendOutput(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    type = serializers.ChoiceField(choices=BackendType.choices)
    provider = serializers.CharField()
    qubits = serializers.IntegerField(allow_null=True)
    basis_gates = serializers.ListField(child=serializers.CharField(), allow_null=True)
    coupling_map = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField()), allow_null=True)
    status = serializers.CharField()
    description = serializers.CharField()


class BackendListOutput(serializers.Serializer):
    backends = BackendOutput(many=True)
    total = serializers.IntegerField()


class CalibrationOutput(serializers.Serializer):
    backend_id = serializers.CharField()
    timestamp = serializers.CharField(allow_null=True)
    source = serializers.CharField()
    snapshot_id = serializers.CharField(allow_null=True)
    qubits = serializers.ListField(child=serializers.DictField())
    gates = serializers.ListField(child=serializers.DictField())
