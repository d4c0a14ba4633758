from django import forms

from circuits.models import NAME_PATTERN, Framework
from circuits.tags import tags_normalise
from qubithub.errors import DomainError

SORTS = [
    ("created_at", "Newest"),
    ("stars_count", "Most starred"),
    ("runs_count", "Most run"),
    ("views_count", "Most viewed"),
    ("updated_at", "Recently updated"),
    ("name", "Name"),
]


def tag_list(text: str) -> list[str]:
    return [t.strip() for t in (text or "").split(",") if t.strip()]


class TagsField(forms.CharField):
    """Comma-separated tags, checked by the one tag rule the API applies (cleaned to a list)."""

    def clean(self, value) -> list[str]:
        try:
            return tags_normalise(tag_list(super().clean(value)))
        except DomainError as exc:
            raise forms.ValidationError(exc.detail) from None


class ExploreForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    framework = forms.ChoiceField(required=False, choices=[("", "Any framework"), *Framework.choices])
    tag = TagsField(required=False, label="Tags", help_text="Comma-separated: circuits with all of them.")
    qubits_min = forms.IntegerField(required=False, min_value=0, label="Min qubits")
    qubits_max = forms.IntegerField(required=False, min_value=0, label="Max qubits")
    sort = forms.ChoiceField(required=False, choices=SORTS)
    owner = forms.CharField(required=False, max_length=39, widget=forms.HiddenInput)

    @classmethod
    def from_query(cls, query, *, tag: str | None = None) -> "ExploreForm":
        """Bound to the query string (several `tag` values, as the API takes them, join into one field);
        on a tag page the tag fills the field. Unbound when there is nothing to filter by."""
        data = query.copy()
        tags = [t for t in query.getlist("tag") + query.getlist("tags") if t.strip()]
        if tag and not tags:
            tags = [tag]
        data.setlist("tag", [", ".join(tags)] if tags else [])
        data.pop("page", None)
        return cls(data) if any(data.values()) or query else cls()

    def clean(self):
        data = super().clean()
        low, high = data.get("qubits_min"), data.get("qubits_max")
        if low is not None and high is not None and low > high:
            self.add_error("qubits_max", "Must not be less than the minimum.")
        return data

    def filters(self) -> dict:
        """The selector's filters; only for a valid form (an invalid one lists nothing)."""
        data = self.cleaned_data if self.is_bound else {}
        return {
            "owner": data.get("owner") or None,
            "q": data.get("q") or None,
            "framework": data.get("framework") or None,
            "tags": data.get("tag") or [],
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
    tags = TagsField(required=False, help_text="Comma-separated, e.g. bell, entanglement, qiskit-1.0.")
    qubits = forms.IntegerField(
        required=False, min_value=0, max_value=10_000, initial=0, help_text="How many qubits the circuit uses."
    )
    depth = forms.IntegerField(required=False, min_value=0, help_text="Optional; the analysis also measures it.")
    gates = forms.CharField(required=False, help_text="Optional, comma-separated gate names, e.g. h, cx.")
    is_public = forms.BooleanField(required=False, initial=True, label="Public")

    def __init__(self, *args, owners: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization_name"].choices = [(o, o) for o in owners]

    def clean_gates(self) -> list[str]:
        gates = tag_list(self.cleaned_data["gates"])
        if len(gates) > 200 or any(len(g) > 50 for g in gates):
            raise forms.ValidationError("At most 200 gate names of up to 50 characters each.")
        return gates

    def service_arguments(self) -> dict:
        return {**self.cleaned_data, "qubits": self.cleaned_data["qubits"] or 0}


class CircuitEditForm(forms.Form):
    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea, required=False, help_text="Markdown.")
    tags = TagsField(required=False, help_text="Comma-separated, e.g. bell, entanglement, qiskit-1.0.")
    is_public = forms.BooleanField(required=False, label="Public")

    def changes(self) -> dict:
        return dict(self.cleaned_data)


class ForkForm(forms.Form):
    name = forms.RegexField(NAME_PATTERN, max_length=100, required=False, label="Name of the fork")


class FileDeleteForm(forms.Form):
    """Deleting one file publishes a new version without it; the commit message is optional."""

    file = forms.CharField(widget=forms.HiddenInput)
    commit_message = forms.CharField(max_length=1000, required=False, label="Commit message", help_text="Optional.")

    def __init__(self, *args, file_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commit_message"].widget.attrs["placeholder"] = f"Delete {file_name}"
