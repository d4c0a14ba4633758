from django import forms

from circuits.models import NAME_PATTERN, Framework

SORTS = [
    ("created_at", "Newest"),
    ("stars_count", "Most starred"),
    ("runs_count", "Most run"),
    ("views_count", "Most viewed"),
    ("updated_at", "Recently updated"),
    ("name", "Name"),
]


def tag_list(text: str) -> list[str]:
    return [t.strip().lower() for t in (text or "").split(",") if t.strip()]


class ExploreForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    framework = forms.ChoiceField(required=False, choices=[("", "Any framework"), *Framework.choices])
    tag = forms.CharField(required=False, label="Tag")
    qubits_min = forms.IntegerField(required=False, min_value=0, label="Min qubits")
    qubits_max = forms.IntegerField(required=False, min_value=0, label="Max qubits")
    sort = forms.ChoiceField(required=False, choices=SORTS)
    owner = forms.CharField(required=False, widget=forms.HiddenInput)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "owner": data.get("owner") or None,
            "q": data.get("q") or None,
            "framework": data.get("framework") or None,
            "tags": [data["tag"]] if data.get("tag") else [],
            "qubits_min": data.get("qubits_min"),
            "qubits_max": data.get("qubits_max"),
            "sort": data.get("sort") or "created_at",
        }


class CircuitCreateForm(forms.Form):
    organization_name = forms.ChoiceField(label="Owner", required=False)
    name = forms.RegexField(
        NAME_PATTERN,
        max_length=100,
        help_text="Lowercase letters, digits and hyphens; part of the address.",
        error_messages={"invalid": "Use lowercase letters, digits and hyphens, not starting or ending with -."},
    )
    title = forms.CharField(max_length=500)
    framework = forms.ChoiceField(choices=Framework.choices)
    description = forms.CharField(widget=forms.Textarea, required=False, help_text="Markdown.")
    tags = forms.CharField(required=False, help_text="Comma-separated, e.g. bell, entanglement.")
    is_public = forms.BooleanField(required=False, initial=True, label="Public")

    def __init__(self, *args, owners: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization_name"].choices = [(o, o) for o in owners]

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["tags"] = tag_list(data["tags"])
        return data


class CircuitEditForm(forms.Form):
    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea, required=False, help_text="Markdown.")
    tags = forms.CharField(required=False, help_text="Comma-separated.")
    is_public = forms.BooleanField(required=False, label="Public")

    def changes(self) -> dict:
        return {**self.cleaned_data, "tags": tag_list(self.cleaned_data["tags"])}


class ForkForm(forms.Form):
    name = forms.RegexField(NAME_PATTERN, max_length=100, required=False, label="Name of the fork")


class FileDeleteForm(forms.Form):
    """Deleting one file publishes a new version without it; the commit message is optional."""

    file = forms.CharField(widget=forms.HiddenInput)
    commit_message = forms.CharField(max_length=1000, required=False, label="Commit message", help_text="Optional.")

    def __init__(self, *args, file_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commit_message"].widget.attrs["placeholder"] = f"Delete {file_name}"
