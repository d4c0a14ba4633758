from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.api.serializers import PublicUser
from circuits.models import NAME_PATTERN, Circuit, CircuitFile, CircuitVersion, Framework
from orgs.api.serializers import OrganizationRef

PREVIEW_LENGTH = 200


class CircuitRef(serializers.Serializer):
    id = serializers.UUIDField()
    repo_name = serializers.CharField()


class VersionOutput(serializers.ModelSerializer):
    file_path = serializers.SerializerMethodField()
    file_size = serializers.SerializerMethodField()

    class Meta:
        model = CircuitVersion
        fields = [
            "id",
            "circuit_id",
            "version_number",
            "commit_hash",
            "file_path",
            "file_size",
            "commit_message",
            "entry_point",
            "created_at",
        ]

    def _entry(self, version) -> CircuitFile | None:
        files = list(version.files.all())
        return next((f for f in files if f.name == version.entry_point), files[0] if files else None)

    def get_file_path(self, version) -> str | None:
        entry = self._entry(version)
        return entry.path if entry else None

    def get_file_size(self, version) -> int | None:
        entry = self._entry(version)
        return entry.size if entry else None


class CircuitCard(serializers.ModelSerializer):
    repo_name = serializers.CharField(read_only=True)
    slug = serializers.CharField(source="name", read_only=True)
    tags = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    organization = serializers.SerializerMethodField()
    is_starred = serializers.SerializerMethodField()
    forked_from = serializers.SerializerMethodField()
    description_preview = serializers.SerializerMethodField()

    class Meta:
        model = Circuit
        fields = [
            "id",
            "name",
            "slug",
            "repo_name",
            "title",
            "description",
            "description_preview",
            "framework",
            "tags",
            "qubits",
            "gates",
            "depth",
            "stars_count",
            "views_count",
            "forks_count",
            "runs_count",
            "is_starred",
            "is_public",
            "owner",
            "organization",
            "forked_from",
            "created_at",
            "updated_at",
        ]

    def get_tags(self, circuit) -> list[str]:
        return [t.name for t in circuit.tags.all()]

    def get_owner(self, circuit) -> dict | None:
        org = circuit.organization
        user = org.personal_for if org.is_personal else circuit.created_by
        return PublicUser(user).data if user else None

    def get_organization(self, circuit) -> dict | None:
        org = circuit.organization
        return None if org.is_personal else OrganizationRef(org).data

    def get_is_starred(self, circuit) -> bool | None:
        return getattr(circuit, "starred_by_caller", None)

    def get_forked_from(self, circuit) -> dict | None:
        parent = circuit.forked_from
        return {"id": parent.id, "repo_name": parent.repo_name} if parent else None

    def get_description_preview(self, circuit) -> str:
        text = circuit.description.strip()
        return text if len(text) <= PREVIEW_LENGTH else text[: PREVIEW_LENGTH - 1].rstrip() + "…"


class CircuitDetail(CircuitCard):
    versions = serializers.SerializerMethodField()
    latest_version = serializers.SerializerMethodField()

    class Meta(CircuitCard.Meta):
        fields = CircuitCard.Meta.fields + ["extra_metadata", "versions", "latest_version"]

    @extend_schema_field(VersionOutput(many=True))
    def get_versions(self, circuit) -> list[dict]:
        return VersionOutput(circuit.versions.all(), many=True).data

    @extend_schema_field(VersionOutput(allow_null=True))
    def get_latest_version(self, circuit) -> dict | None:
        versions = list(circuit.versions.all())
        return VersionOutput(versions[-1]).data if versions else None


class CircuitCreateInput(serializers.Serializer):
    name = serializers.RegexField(
        NAME_PATTERN,
        max_length=100,
        error_messages={"invalid": "Name must be 1-100 characters: lowercase letters, digits and hyphens."},
    )
    title = serializers.CharField(max_length=500)
    description = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, default="", max_length=100_000
    )
    framework = serializers.ChoiceField(choices=Framework.choices)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, allow_null=True, default=list, max_length=30
    )
    qubits = serializers.IntegerField(required=False, default=0, min_value=0, max_value=10_000)
    gates = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, allow_null=True, default=list, max_length=200
    )
    depth = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0)
    is_public = serializers.BooleanField(required=False, default=True)
    organization_name = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None)
    extra_metadata = serializers.DictField(required=False, allow_null=True, default=dict)

    def validate(self, attrs):
        """The official client sends null for what it leaves out (description, gates, tags)."""
        empty = {"description": "", "tags": [], "gates": [], "extra_metadata": {}}
        return {key: (empty[key] if value is None and key in empty else value) for key, value in attrs.items()}


class CircuitListQuery(serializers.Serializer):
    SORTS = ["created_at", "updated_at", "stars_count", "runs_count", "views_count", "name"]
    framework = serializers.ChoiceField(choices=Framework.choices, required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False)
    qubits_min = serializers.IntegerField(required=False, min_value=0)
    qubits_max = serializers.IntegerField(required=False, min_value=0)
    q = serializers.CharField(required=False, max_length=200)
    owner = serializers.CharField(required=False, max_length=39)
    mine = serializers.BooleanField(required=False, default=False)
    sort = serializers.ChoiceField(choices=SORTS + [f"-{s}" for s in SORTS], required=False, default="created_at")


class FileEntry(serializers.Serializer):
    name = serializers.CharField()
    path = serializers.CharField()
    type = serializers.CharField()
    size = serializers.IntegerField()


class FilesOutput(serializers.Serializer):
    files = FileEntry(many=True)
    version = serializers.CharField(allow_null=True)


class UploadOutput(serializers.Serializer):
    version = VersionOutput()
    files = FileEntry(many=True)
    errors = serializers.ListField(child=serializers.DictField(), required=False)


class CircuitUpdateInput(serializers.Serializer):
    """PUT is a partial update: only the fields sent change."""

    title = serializers.CharField(max_length=500, required=False)
    description = serializers.CharField(max_length=100_000, required=False, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=30)
    is_public = serializers.BooleanField(required=False)
    extra_metadata = serializers.DictField(required=False, allow_null=True)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            allowed = ", ".join(self.fields)
            raise serializers.ValidationError(
                f"Unknown or read-only field(s): {', '.join(unknown)}. Allowed: {allowed}."
            )
        return attrs


class ForkInput(serializers.Serializer):
    name = serializers.RegexField(
        NAME_PATTERN,
        max_length=100,
        required=False,
        allow_null=True,
        error_messages={"invalid": "Name must be 1-100 characters: lowercase letters, digits and hyphens."},
    )


class StarOutput(serializers.Serializer):
    starred = serializers.BooleanField()
    stars_count = serializers.IntegerField()


class SideSummary(serializers.Serializer):
    version = serializers.IntegerField()
    qubits = serializers.IntegerField(allow_null=True)
    depth = serializers.IntegerField(allow_null=True)
    gate_counts = serializers.DictField(child=serializers.IntegerField())
    two_qubit_gates = serializers.IntegerField(allow_null=True)
    error = serializers.CharField(allow_null=True)


class FileDiff(serializers.Serializer):
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=["added", "removed", "modified"])
    diff = serializers.CharField()


class SemanticDiff(serializers.Serializer):
    a = SideSummary()
    b = SideSummary()
    delta = serializers.DictField()
    equivalent = serializers.BooleanField(allow_null=True)
    equivalence_method = serializers.CharField(allow_null=True)
    equivalence_reason = serializers.CharField(allow_null=True)


class DiffOutput(serializers.Serializer):
    circuit_id = serializers.UUIDField()
    a = serializers.IntegerField()
    b = serializers.IntegerField()
    files = FileDiff(many=True)
    semantic = SemanticDiff()
