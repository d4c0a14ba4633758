from django import forms

from circuits.models import NAME_PATTERN
from spaces.models import Sdk, SpaceType

SORTS = [
    ("created_at", "Newest"),
    ("stars_count", "Most starred"),
    ("forks_count", "Most forked"),
    ("updated_at", "Recently updated"),
    ("name", "Name"),
]


class SpaceExploreForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    sdk = forms.ChoiceField(required=False, choices=[("", "Any SDK"), *Sdk.choices], label="SDK")
    space_type = forms.ChoiceField(required=False, choices=[("", "Any type"), *SpaceType.choices], label="Type")
    owner = forms.CharField(required=False, max_length=39)
    sort = forms.ChoiceField(required=False, choices=SORTS)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {key: value for key, value in data.items() if value} | {"sort": data.get("sort") or "created_at"}


class SpaceCreateForm(forms.Form):
    organization_name = forms.ChoiceField(label="Owner", required=False)
    name = forms.RegexField(
        NAME_PATTERN,
        max_length=100,
        help_text="Lowercase letters, digits and hyphens.",
        error_messages={"invalid": "Use lowercase letters, digits and hyphens."},
    )
    title = forms.CharField(max_length=500)
    sdk = forms.ChoiceField(choices=Sdk.choices, label="SDK")
    space_type = forms.ChoiceField(choices=SpaceType.choices, label="Type")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="Markdown.")
    is_public = forms.BooleanField(required=False, initial=True, label="Public")

    def __init__(self, *args, owners: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization_name"].choices = [(o, o) for o in owners]


class SpaceFileForm(forms.Form):
    path = forms.CharField(max_length=255, label="File path")
    content = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20, "spellcheck": "false", "class": "code-input"}),
        required=False,
        strip=False,
    )


class SpaceEditForm(forms.Form):
    """What PUT /api/spaces/{id} may change (SpaceUpdateInput), with the same limits."""

    title = forms.CharField(max_length=500)
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=100_000, help_text="Markdown."
    )
    sdk = forms.ChoiceField(choices=Sdk.choices, label="SDK")
    space_type = forms.ChoiceField(choices=SpaceType.choices, label="Type")
    is_public = forms.BooleanField(required=False, label="Public")


class SpaceFilePathForm(forms.Form):
    """A new file's path, or a file's new path (a rename); the service checks it like the API does."""

    path = forms.CharField(
        max_length=255,
        label="File path",
        help_text="For example analysis/bell.py: letters, digits, '.', '_' and '-', folders with '/'.",
    )


class SpaceForkForm(forms.Form):
    """POST /api/spaces/{id}/fork's optional name, with the API's message."""

    name = forms.RegexField(
        NAME_PATTERN,
        max_length=100,
        required=False,
        label="Name of the fork",
        error_messages={"invalid": "Name must be 1-100 characters: lowercase letters, digits and hyphens."},
    )
