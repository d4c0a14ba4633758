from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from circuits.api.serializers import CircuitCard, ForkInput, StarOutput  # noqa: F401 (same shapes as circuits)
from datasets.models import NAME_PATTERN, Dataset, DatasetVersion, Format

NAME_ERROR = {"invalid": "Name must be 1-100 characters: lowercase letters, digits and hyphens."}
LIST_SORTS = ["created_at", "updated_at", "stars_count", "downloads_count", "name"]


class DatasetVersionOutput(serializers.ModelSerializer):
    file_size = serializers.IntegerField(source="size_bytes")
    processing_state = serializers.CharField(source="state")
    processing_error = serializers.CharField(source="error_message")

    class Meta:
        model = DatasetVersion
        fields = [
            "id",
            "dataset_id",
            "version_number",
            "commit_message",
            "file_path",
            "file_size",
            "sha256",
            "processing_state",
            "processing_error",
            "total_rows",
            "dataset_schema",
            "created_at",
            "processed_at",
        ]


class DatasetCard(serializers.ModelSerializer):
    repo_name = serializers.CharField(read_only=True)
    slug = serializers.CharField(source="name", read_only=True)
    tags = serializers.SerializerMethodField()
    task_categories = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    organization = serializers.SerializerMethodField()
    is_starred = serializers.SerializerMethodField()
    forked_from = serializers.SerializerMethodField()
    size_bytes = serializers.SerializerMethodField()
    total_rows = serializers.SerializerMethodField()
    processing_state = serializers.SerializerMethodField()

    # The owner block is the same for every organization-owned resource.
    get_owner = CircuitCard.get_owner
    get_organization = CircuitCard.get_organization
    get_is_starred = CircuitCard.get_is_starred
    get_forked_from = CircuitCard.get_forked_from

    class Meta:
        model = Dataset
        fields = [
            "id",
            "name",
            "slug",
            "repo_name",
            "title",
            "description",
            "format",
            "tags",
            "task_categories",
            "license",
            "citation",
            "is_public",
            "stars_count",
            "downloads_count",
            "forks_count",
            "is_starred",
            "size_bytes",
            "total_rows",
            "processing_state",
            "owner",
            "organization",
            "forked_from",
            "created_at",
            "updated_at",
        ]

    def get_tags(self, dataset) -> list[str]:
        return [t.name for t in dataset.tags.all()]

    def get_task_categories(self, dataset) -> list[str]:
        return [c.name for c in dataset.categories.all()]

    def _current(self, dataset) -> DatasetVersion | None:
        usable = [v for v in dataset.versions.all() if v.state != "failed"]
        return usable[-1] if usable else None

    def get_size_bytes(self, dataset) -> int | None:
        current = self._current(dataset)
        return current.size_bytes if current else None

    def get_total_rows(self, dataset) -> int | None:
        current = self._current(dataset)
        return current.total_rows if current else None

    def get_processing_state(self, dataset) -> str | None:
        current = self._current(dataset)
        return current.state if current else None


class DatasetDetail(DatasetCard):
    versions = serializers.SerializerMethodField()
    latest_version = serializers.SerializerMethodField()

    class Meta(DatasetCard.Meta):
        fields = DatasetCard.Meta.fields + ["versions", "latest_version"]

    @extend_schema_field(DatasetVersionOutput(many=True))
    def get_versions(self, dataset) -> list[dict]:
        return DatasetVersionOutput(dataset.versions.all(), many=True).data

    @extend_schema_field(DatasetVersionOutput(allow_null=True))
    def get_latest_version(self, dataset) -> dict | None:
        current = self._current(dataset)
        return DatasetVersionOutput(current).data if current else None


class DatasetCreateInput(serializers.Serializer):
    name = serializers.RegexField(NAME_PATTERN, max_length=100, error_messages=NAME_ERROR)
    title = serializers.CharField(max_length=500)
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=100_000)
    format = serializers.ChoiceField(choices=Format.choices)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, default=list, max_length=30
    )
    task_categories = serializers.ListField(
        child=serializers.CharField(max_length=50), required=False, default=list, max_length=20
    )
    license = serializers.CharField(required=False, allow_blank=True, allow_null=True, default="", max_length=200)
    citation = serializers.CharField(required=False, allow_blank=True, default="", max_length=10_000)
    is_public = serializers.BooleanField(required=False, default=True)
    organization_name = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None)

    def validate_license(self, value):
        return value or ""


class DatasetUpdateInput(serializers.Serializer):
    """PUT is a partial update: only the fields sent change; unknown or read-only fields are refused."""

    title = serializers.CharField(max_length=500, required=False)
    description = serializers.CharField(max_length=100_000, required=False, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=30)
    task_categories = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=20)
    license = serializers.CharField(required=False, allow_blank=True, max_length=200)
    citation = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    is_public = serializers.BooleanField(required=False)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(f"These fields cannot be changed: {', '.join(unknown)}.")
        return attrs


class DatasetListQuery(serializers.Serializer):
    format = serializers.ChoiceField(choices=Format.choices, required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=50), required=False)
    task_categories = serializers.ListField(child=serializers.CharField(max_length=50), required=False)
    q = serializers.CharField(required=False, max_length=200)
    owner = serializers.CharField(required=False, max_length=39)
    sort = serializers.ChoiceField(choices=LIST_SORTS + [f"-{s}" for s in LIST_SORTS], required=False)
    page = serializers.IntegerField(required=False, min_value=1)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100)


class PreviewQuery(serializers.Serializer):
    rows = serializers.IntegerField(required=False, default=100, min_value=1, max_value=1000)
    offset = serializers.IntegerField(required=False, default=0, min_value=0)
    version = serializers.CharField(required=False, max_length=20)
    path = serializers.CharField(required=False, max_length=1000)


class PreviewOutput(serializers.Serializer):
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField())
    total_rows = serializers.IntegerField(allow_null=True)
    dataset_schema = serializers.DictField(child=serializers.CharField())


class QueryOutput(PreviewOutput):
    total_rows = None
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()


class StatsOutput(serializers.Serializer):
    downloads_count = serializers.IntegerField()
    stars_count = serializers.IntegerField()
    forks_count = serializers.IntegerField()
    size_bytes = serializers.IntegerField()
    version = serializers.IntegerField(allow_null=True)
    processing_state = serializers.CharField(allow_null=True)
    total_rows = serializers.IntegerField(allow_null=True)
    columns = serializers.DictField()
