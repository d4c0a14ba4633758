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
    avatar = forms.URLField(required=False, label="Avatar URL", assume_scheme="https")


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
