from django import forms

from circuits.forms import tag_list
from circuits.models import NAME_PATTERN
from datasets.api.serializers import DatasetCreateInput, DatasetUpdateInput, PreviewQuery
from datasets.models import Format
from datasets.services import license_clean
from qubithub.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, page_params
from qubithub.errors import DomainError

SORTS = [
    ("created_at", "Newest"),
    ("stars_count", "Most starred"),
    ("downloads_count", "Most downloaded"),
    ("updated_at", "Recently updated"),
    ("name", "Name"),
]


class DatasetExploreForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    format = forms.ChoiceField(required=False, choices=[("", "Any format"), *Format.choices])
    tag = forms.CharField(required=False)
    sort = forms.ChoiceField(required=False, choices=SORTS)

    def clean_tag(self) -> str:
        from circuits.tags import TAG_RULE, tag_is_valid

        tag = (self.cleaned_data.get("tag") or "").strip().lower()
        if tag and not tag_is_valid(tag):
            raise forms.ValidationError(f"Invalid tag: {TAG_RULE}.")
        return tag

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q") or None,
            "format": data.get("format") or None,
            "tags": [data["tag"]] if data.get("tag") else [],
            "sort": data.get("sort") or "created_at",
        }


def _messages(detail) -> list[str]:
    """A DRF error detail (a string, or lists and dicts of them) as plain messages."""
    if isinstance(detail, dict):
        return [m for value in detail.values() for m in _messages(value)]
    if isinstance(detail, list):
        return [m for value in detail for m in _messages(value)]
    return [str(detail)]


class ApiCheckedForm(forms.Form):
    """A form whose input the API's own serializer checks, each error shown next to the field it names."""

    serializer_class: type
    LISTS = ("tags", "task_categories")

    def clean_license(self) -> str:
        try:
            return license_clean(self.cleaned_data["license"])
        except DomainError as exc:
            raise forms.ValidationError(exc.detail.removeprefix("license: ")) from None

    def clean(self):
        data = super().clean()
        body = {key: value for key, value in self._body(data).items() if key not in self.errors}
        serializer = self.serializer_class(data=body)
        if not serializer.is_valid():
            for field, detail in serializer.errors.items():
                if field in self.errors:  # already told, by the form's own check of that field
                    continue
                for message in _messages(detail):
                    self.add_error(field if field in self.fields else None, message)
        return data

    def _body(self, data: dict) -> dict:
        return {**data, **{key: tag_list(data[key]) for key in self.LISTS if key in data}}

    def add_service_error(self, error: DomainError) -> None:
        """A service's refusal next to the field it names (its `fields`, or a detail starting `field: `),
        else above the form."""
        field, sep, message = str(error.detail).partition(": ")
        if sep and field in self.fields:
            self.add_error(field, message)
            return
        named = [name for name in (error.fields or {}) if name in self.fields]
        self.add_error(named[0] if named else None, error.detail)


class DatasetCreateForm(ApiCheckedForm):
    """What POST /api/datasets accepts, checked by the API's own input serializer."""

    serializer_class = DatasetCreateInput
    organization_name = forms.ChoiceField(label="Owner", required=False)
    name = forms.RegexField(
        NAME_PATTERN,
        max_length=100,
        help_text="Lowercase letters, digits and hyphens.",
        error_messages={"invalid": "Use lowercase letters, digits and hyphens."},
    )
    title = forms.CharField(max_length=500)
    format = forms.ChoiceField(choices=Format.choices)
    description = forms.CharField(widget=forms.Textarea, required=False, help_text="Markdown.")
    tags = forms.CharField(required=False, help_text="Comma-separated, at most 30.")
    task_categories = forms.CharField(
        required=False, help_text="Comma-separated machine-learning tasks, e.g. classification, regression."
    )
    license = forms.CharField(required=False, max_length=200, help_text="An SPDX identifier, e.g. CC-BY-4.0 or MIT.")
    citation = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="BibTeX or text.")
    is_public = forms.BooleanField(required=False, initial=True, label="Public")

    def __init__(self, *args, owners: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization_name"].choices = [(o, o) for o in owners]

    def service_arguments(self) -> dict:
        return self._body(self.cleaned_data)


class DatasetEditForm(ApiCheckedForm):
    """Every field PATCH /api/datasets/{id} accepts, checked by the API's own input serializer."""

    serializer_class = DatasetUpdateInput
    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea, required=False, help_text="Markdown.")
    tags = forms.CharField(required=False, help_text="Comma-separated, at most 30.")
    task_categories = forms.CharField(
        required=False, help_text="Comma-separated machine-learning tasks, e.g. classification, regression."
    )
    license = forms.CharField(required=False, max_length=200, help_text="An SPDX identifier, e.g. CC-BY-4.0 or MIT.")
    citation = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="BibTeX or text.")
    is_public = forms.BooleanField(required=False, label="Public")

    def changes(self) -> dict:
        return self._body(self.cleaned_data)


PREVIEW_ROWS = 20  # the page's default; the API's is larger
_PREVIEW_LIMITS = PreviewQuery().fields


class DatasetPreviewForm(forms.Form):
    """The preview panel's `?rows=` and `?offset=`, within the limits GET /api/datasets/{id}/preview accepts."""

    rows = forms.IntegerField(
        required=False,
        label="Rows shown",
        min_value=_PREVIEW_LIMITS["rows"].min_value,
        max_value=_PREVIEW_LIMITS["rows"].max_value,
        widget=forms.NumberInput(attrs={"placeholder": PREVIEW_ROWS}),
    )
    offset = forms.IntegerField(required=False, min_value=_PREVIEW_LIMITS["offset"].min_value, label="First row")

    def rows_and_offset(self) -> tuple[int, int]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("rows") or PREVIEW_ROWS, data.get("offset") or 0


OPERATORS = [
    ("eq", "equals"),
    ("ne", "does not equal"),
    ("lt", "less than"),
    ("lte", "at most"),
    ("gt", "greater than"),
    ("gte", "at least"),
    ("contains", "contains (text)"),
    ("isnull", "is missing (null)"),
    ("notnull", "is not missing"),
]
FILTER_ROWS = 3


class DatasetQueryForm(forms.Form):
    """What GET /api/datasets/{id}/query accepts: where terms, a sort, version, page and limit."""

    version = forms.ChoiceField(required=False)
    sort = forms.ChoiceField(required=False, label="Sort by")
    order = forms.ChoiceField(required=False, choices=[("", "Ascending"), ("desc", "Descending")])
    limit = forms.CharField(
        required=False,
        label="Rows per page",
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_LIMIT, "placeholder": DEFAULT_LIMIT}),
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)  # set by the result's page links

    def __init__(self, *args, columns: list[str], versions: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        column_choices = [(c, c) for c in columns]
        self.fields["version"].choices = [("", "Latest"), *[(str(n), f"v{n}") for n in versions]]
        self.fields["sort"].choices = [("", "File order"), *column_choices]
        for row in range(1, FILTER_ROWS + 1):
            self.fields[f"column{row}"] = forms.ChoiceField(
                required=False, label=f"Filter {row}: column", choices=[("", "—"), *column_choices]
            )
            self.fields[f"op{row}"] = forms.ChoiceField(
                required=False, label=f"Filter {row}: condition", choices=OPERATORS
            )
            self.fields[f"value{row}"] = forms.CharField(required=False, label=f"Filter {row}: value", max_length=1000)

    def options(self) -> list[forms.BoundField]:
        return [self[name] for name in ("version", "sort", "order", "limit")]

    def filter_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"{part}{row}"] for part in ("column", "op", "value")] for row in range(1, FILTER_ROWS + 1)]

    def clean(self):
        data = super().clean()
        try:
            data["page"], data["limit"] = page_params(self.data)
        except DomainError as exc:
            self.add_error("limit" if exc.detail.startswith("limit") else None, exc.detail)
        return data

    def where(self) -> list[str]:
        data = self.cleaned_data
        rows = range(1, FILTER_ROWS + 1)
        return [
            f"{data[f'column{r}']}:{data[f'op{r}'] or 'eq'}:{data[f'value{r}']}" for r in rows if data[f"column{r}"]
        ]

    def sort_terms(self) -> list[str]:
        column = self.cleaned_data.get("sort")
        if not column:
            return []
        return [f"-{column}" if self.cleaned_data.get("order") == "desc" else column]
