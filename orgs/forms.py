from django import forms

from accounts.models import SLUG_MESSAGE, SLUG_PATTERN
from orgs.models import Role


class OrgCreateForm(forms.Form):
    name = forms.CharField(max_length=150)
    slug = forms.RegexField(
        SLUG_PATTERN,
        max_length=39,
        label="Address name",
        help_text=f"Name {SLUG_MESSAGE}.",
        error_messages={"invalid": f"Name {SLUG_MESSAGE}."},
    )
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OrgEditForm(forms.Form):
    """Every field PATCH /api/orgs/{id} accepts, with the API's limits."""

    name = forms.CharField(max_length=150, label="Display name")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)
    avatar_url = forms.URLField(
        required=False, label="Avatar URL", assume_scheme="https", help_text="An image address, https://…"
    )


class OrgDeleteForm(forms.Form):
    """Deleting an organization: its slug typed again; `force` to delete what it owns with it."""

    confirm = forms.CharField(label="Type the organization's name to confirm")
    force = forms.BooleanField(required=False, label="Also delete everything it owns, with their files")

    def __init__(self, *args, slug: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug = slug
        self.fields["confirm"].help_text = f"Type {slug}."
        self.fields["confirm"].widget.attrs.update(autocomplete="off", spellcheck="false")

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed != self.slug:
            raise forms.ValidationError(f"Type the organization's name, {self.slug}, exactly.")
        return typed


class MemberAddForm(forms.Form):
    email = forms.EmailField(label="Email of the user to add")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
