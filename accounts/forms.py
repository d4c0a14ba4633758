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
