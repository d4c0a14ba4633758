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
    name = forms.CharField(max_length=150)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    avatar_url = forms.URLField(required=False, label="Avatar URL", assume_scheme="https")


class MemberAddForm(forms.Form):
    email = forms.EmailField(label="Email of the user to add")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)
