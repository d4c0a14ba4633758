from django import forms

from circuits.forms import tag_list
from circuits.models import NAME_PATTERN
from datasets.models import Format

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

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q") or None,
            "format": data.get("format") or None,
            "tags": [data["tag"]] if data.get("tag") else [],
            "sort": data.get("sort") or "created_at",
        }


class DatasetCreateForm(forms.Form):
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
    tags = forms.CharField(required=False, help_text="Comma-separated.")
    license = forms.CharField(required=False, max_length=200, help_text="An SPDX identifier, e.g. CC-BY-4.0 or MIT.")
    citation = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="BibTeX or text.")
    is_public = forms.BooleanField(required=False, initial=True, label="Public")

    def __init__(self, *args, owners: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization_name"].choices = [(o, o) for o in owners]

    def service_arguments(self) -> dict:
        return {**self.cleaned_data, "tags": tag_list(self.cleaned_data["tags"])}
