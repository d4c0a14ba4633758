from django import forms
from django.contrib.auth.forms import AuthenticationForm

from accounts.models import SLUG_MESSAGE, SLUG_PATTERN


class SignupForm(forms.Form):
    email = forms.EmailField(max_length=254)
    username = forms.RegexField(
        SLUG_PATTERN,
        max_length=39,
        help_text=f"Username {SLUG_MESSAGE}.",
        error_messages={"invalid": f"Username {SLUG_MESSAGE}."},
    )
    name = forms.CharField(max_length=150, label="Display name")
    password = forms.CharField(widget=forms.PasswordInput, min_length=8)


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Email or username", max_length=254)


class ProfileForm(forms.Form):
    name = forms.CharField(max_length=150, label="Display name")
    bio = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    avatar = forms.URLField(
        required=False,
        label="Avatar URL",
        assume_scheme="https",
        help_text="An https:// image address, shown on your profile (visitors' browsers fetch it from its host).",
    )


class ApiKeyForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the key is for, e.g. 'laptop' or 'CI'.")
    scopes = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, help_text="What the key may do.")
    expires_in_days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=3650,
        label="Expires in (days)",
        help_text="Leave empty for a key that does not expire.",
    )

    def __init__(self, *args, scopes: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(s, s) for s in scopes]
        self.fields["scopes"].initial = [s for s in scopes if s.endswith(":read")]


def _api_max_length(field: str) -> int:
    """The API's own limit for a credentials field, so the page accepts exactly what PUT /api/providers accepts."""
    from runs.api.provider_serializers import CredentialsInput

    return CredentialsInput().fields[field].max_length


class ProviderCredentialsForm(forms.Form):
    """Write-only: the token is never rendered back, not even after a validation error."""

    token = forms.CharField(
        max_length=_api_max_length("token"),
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    instance = forms.CharField(max_length=_api_max_length("instance"), required=False)
    organization_name = forms.ChoiceField(label="For", required=False)

    def __init__(self, *args, provider: dict, owners: list[tuple[str, str]], **kwargs):
        super().__init__(*args, prefix=provider["provider"], **kwargs)
        self.fields["token"].label = TOKEN_LABELS.get(provider["provider"], "Token")
        self.fields["token"].help_text = TOKEN_HELP.get(provider["provider"], "")
        self.fields["instance"].label = INSTANCE_LABELS.get(provider["provider"], "Instance")
        self.fields["instance"].help_text = INSTANCE_HELP.get(provider["provider"], "")
        self.fields["organization_name"].choices = owners


TOKEN_LABELS = {"ibm": "API key", "braket": "Access key"}
TOKEN_HELP = {
    "ibm": "Your IBM Quantum API key (token).",
    "braket": "Your AWS access key id and secret access key joined by a colon: ACCESS_KEY_ID:SECRET_ACCESS_KEY.",
}
INSTANCE_LABELS = {"ibm": "Instance", "braket": "Region"}
INSTANCE_HELP = {
    "ibm": "Optional: the IBM Quantum instance (CRN or hub/group/project) to run on.",
    "braket": "Optional: the AWS region used when a device ARN names none, e.g. us-east-1 (the default).",
}
