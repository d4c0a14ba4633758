from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from circuits.api.serializers import CircuitCard, CircuitUpdateInput, ForkInput, StarOutput
from spaces.models import NAME_PATTERN, Sdk, Space, SpaceExecution, SpaceFile, SpaceType

__all__ = ["ForkInput", "StarOutput"]  # the same shapes as for circuits
NAME_ERROR = {"invalid": "Name must be 1-100 characters: lowercase letters, digits and hyphens."}
LIST_SORTS = ["created_at", "updated_at", "stars_count", "forks_count", "name"]
MAX_CODE_CHARS = 1024 * 1024


def blank_is_absent(attrs: dict, *names: str) -> dict:
    """A missing, null or empty field is absent (the official client sends `code` and `file_to_run`, one null)."""
    return {**attrs, **{name: attrs.get(name) or None for name in names}}


def file_text(record: SpaceFile) -> str | None:
    """The content of a text file; None for a binary one."""
    content = bytes(record.content)
    if b"\x00" in content:
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None


class SpaceFileOutput(serializers.ModelSerializer):
    content = serializers.SerializerMethodField()
    is_text = serializers.SerializerMethodField()

    class Meta:
        model = SpaceFile
        fields = ["id", "space_id", "path", "size", "is_text", "content", "created_at", "updated_at"]

    def get_content(self, record) -> str | None:
        return file_text(record)

    def get_is_text(self, record) -> bool:
        return file_text(record) is not None


class SpaceCard(serializers.ModelSerializer):
    repo_name = serializers.CharField(read_only=True)
    slug = serializers.CharField(source="name", read_only=True)
    owner = serializers.SerializerMethodField()
    organization = serializers.SerializerMethodField()
    is_starred = serializers.SerializerMethodField()
    forked_from = serializers.SerializerMethodField()

    # The owner block is the same for every organization-owned resource.
    get_owner = CircuitCard.get_owner
    get_organization = CircuitCard.get_organization
    get_is_starred = CircuitCard.get_is_starred
    get_forked_from = CircuitCard.get_forked_from

    class Meta:
        model = Space
        fields = [
            "id",
            "name",
            "slug",
            "repo_name",
            "title",
            "description",
            "sdk",
            "space_type",
            "is_public",
            "stars_count",
            "forks_count",
            "executions_count",
            "is_starred",
            "owner",
            "organization",
            "forked_from",
            "created_at",
            "updated_at",
        ]


class SpaceDetail(SpaceCard):
    files = serializers.SerializerMethodField()

    class Meta(SpaceCard.Meta):
        fields = SpaceCard.Meta.fields + ["files"]

    @extend_schema_field(SpaceFileOutput(many=True))
    def get_files(self, space) -> list[dict]:
        return SpaceFileOutput(space.files.all(), many=True).data


class SpaceCreateInput(serializers.Serializer):
    name = serializers.RegexField(NAME_PATTERN, max_length=100, error_messages=NAME_ERROR)
    title = serializers.CharField(max_length=500)
    description = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, default="", max_length=100_000
    )
    sdk = serializers.ChoiceField(choices=Sdk.choices, required=False, default=Sdk.QISKIT)
    space_type = serializers.ChoiceField(choices=SpaceType.choices, required=False, default=SpaceType.NOTEBOOK)
    is_public = serializers.BooleanField(required=False, default=True)
    organization_name = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None)


class SpaceUpdateInput(serializers.Serializer):
    """PUT is a partial update: only the fields sent change."""

    title = serializers.CharField(max_length=500, required=False)
    description = serializers.CharField(max_length=100_000, required=False, allow_blank=True, allow_null=True)
    sdk = serializers.ChoiceField(choices=Sdk.choices, required=False)
    space_type = serializers.ChoiceField(choices=SpaceType.choices, required=False)
    is_public = serializers.BooleanField(required=False)

    validate = CircuitUpdateInput.validate


class SpaceListQuery(serializers.Serializer):
    sdk = serializers.ChoiceField(choices=Sdk.choices, required=False)
    space_type = serializers.ChoiceField(choices=SpaceType.choices, required=False)
    q = serializers.CharField(required=False, max_length=200)
    owner = serializers.CharField(required=False, max_length=39)
    sort = serializers.ChoiceField(choices=LIST_SORTS + [f"-{s}" for s in LIST_SORTS], required=False)
    page = serializers.IntegerField(required=False)
    limit = serializers.IntegerField(required=False)


class FileCreateInput(serializers.Serializer):
    path = serializers.CharField(max_length=255)
    content = serializers.CharField(allow_blank=True, trim_whitespace=False)


class FileUpdateInput(serializers.Serializer):
    path = serializers.CharField(max_length=255, required=False)
    content = serializers.CharField(allow_blank=True, trim_whitespace=False, required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Give content, path or both.")
        return attrs


class ExecuteInput(serializers.Serializer):
    code = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, trim_whitespace=False, max_length=MAX_CODE_CHARS
    )
    file_to_run = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=255)
    timeout = serializers.IntegerField(required=False, default=30, min_value=1, max_value=300)
    save_outputs = serializers.BooleanField(required=False, default=False)

    def validate(self, attrs):
        return blank_is_absent(attrs, "code", "file_to_run")


class ExecuteOutput(serializers.Serializer):
    status = serializers.ChoiceField(choices=["success", "error", "timeout"])
    output = serializers.CharField(allow_blank=True)
    error = serializers.CharField(allow_null=True)
    execution_time = serializers.FloatField(allow_null=True)
    execution_id = serializers.UUIDField(source="id")
    saved_files = serializers.ListField(child=serializers.CharField())


class ExecutionOutput(serializers.ModelSerializer):
    websocket = serializers.SerializerMethodField()

    class Meta:
        model = SpaceExecution
        fields = [
            "id",
            "space_id",
            "status",
            "code",
            "file_to_run",
            "timeout",
            "save_outputs",
            "output",
            "error",
            "execution_time",
            "saved_files",
            "created_at",
            "started_at",
            "finished_at",
            "websocket",
        ]

    def get_websocket(self, execution) -> str:
        return f"/ws/spaces/executions/{execution.id}"


class VisualizeInput(serializers.Serializer):
    code = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, trim_whitespace=False, max_length=MAX_CODE_CHARS
    )
    file_to_visualize = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=255)
    framework = serializers.ChoiceField(choices=Sdk.choices, required=False, allow_null=True, allow_blank=True)
    format = serializers.ChoiceField(choices=["svg", "text"], required=False, default="svg")

    def validate(self, attrs):
        return blank_is_absent(attrs, "code", "file_to_visualize", "framework")


class VisualizeOutput(serializers.Serializer):
    status = serializers.ChoiceField(choices=["success", "error"])
    diagram = serializers.CharField(allow_null=True, help_text="base64 SVG, or for format text the text drawing")
    framework = serializers.CharField(allow_null=True)
    format = serializers.ChoiceField(choices=["svg", "text"])
    error = serializers.CharField(allow_null=True)
