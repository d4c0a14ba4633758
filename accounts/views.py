from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from accounts import keys, services
from accounts.forms import ApiKeyForm, LoginForm, ProfileForm, SignupForm
from accounts.usage import usage_summary
from qubithub.api.exceptions import DomainError
from qubithub.api.scopes import ALL_SCOPES
from qubithub.api.throttles import auth_attempt_wait
from qubithub.pages import page_errors

USER_KEY_SCOPES = tuple(s for s in ALL_SCOPES if s != "org:admin")


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_register(**form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
            messages.success(request, f"Welcome to QubitHub, {user.display_name}!")
            return redirect("/")
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        """Password guessing through the page shares the API login's per-IP attempt budget."""
        wait = auth_attempt_wait(request)
        if wait is not None:
            form = self.get_form()
            form.add_error(None, f"Too many log-in attempts. Try again in {int(wait)} seconds.")
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(int(wait))
            return response
        return super().post(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password.html"
    success_url = reverse_lazy("settings-profile")

    def form_valid(self, form):
        messages.success(self.request, "Your password was changed.")
        return super().form_valid(form)


@login_required
def settings_profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, initial={"name": user.name, "bio": user.bio, "avatar": user.avatar})
    if request.method == "POST" and form.is_valid():
        try:
            services.user_profile_update(user=user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, "Profile saved.")
            return redirect("settings-profile")
    usage = usage_summary(user=user).values()
    return render(request, "accounts/settings.html", {"form": form, "usage": usage}, status=400 if form.errors else 200)


@login_required
def settings_keys(request):
    """List and create API keys; a new key's plaintext is shown on this response only."""
    form = ApiKeyForm(request.POST or None, scopes=USER_KEY_SCOPES)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = keys.api_key_create(user=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            form = ApiKeyForm(scopes=USER_KEY_SCOPES)
    context = {"form": form, "issued": issued, "keys": keys.user_keys(request.user)}
    response = render(request, "accounts/keys.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
@page_errors
def settings_key_revoke(request, key_id):
    api_key = keys.user_key_get(user=request.user, key_id=key_id)
    keys.api_key_revoke(api_key=api_key)
    messages.success(request, f"Revoked the key '{api_key.name}'.")
    return redirect("settings-keys")
