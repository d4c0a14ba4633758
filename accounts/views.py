from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from accounts import keys, services
from accounts.forms import ApiKeyForm, LoginForm, ProfileForm, ProviderCredentialsForm, SignupForm
from accounts.key_display import new_key_keep, new_key_pop
from accounts.usage import usage_summary
from orgs.access import require_org_role, roles_of
from orgs.models import Organization, Role
from orgs.selectors import orgs_of
from qubithub.api.exceptions import DomainError
from qubithub.api.scopes import ALL_SCOPES
from qubithub.api.throttles import auth_attempt_wait
from qubithub.errors import InvalidInput
from qubithub.pages import form_add_domain_error, page_errors
from runs.providers import services as provider_services

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
            form_add_domain_error(form, exc)
        else:
            messages.success(request, "Profile saved.")
            return redirect("settings-profile")
    usage = usage_summary(user=user).values()
    return render(request, "accounts/settings.html", {"form": form, "usage": usage}, status=400 if form.errors else 200)


@login_required
def settings_keys(request):
    """List and create API keys; a new key's plaintext is shown once, on the GET the creation redirects to."""
    form = ApiKeyForm(request.POST or None, scopes=USER_KEY_SCOPES)
    if request.method == "POST" and form.is_valid():
        try:
            issued = keys.api_key_create(user=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            new_key_keep(request, issued=issued, page="user")
            return redirect("settings-keys")
    issued = new_key_pop(request, page="user") if request.method == "GET" else None
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


# Hardware provider credentials: the page calls the same services as /api/providers (write-only secrets).


def _credential_owners(user) -> list[tuple[str, str]]:
    """Where the user may store credentials: their account, then organizations they administer (not personal)."""
    roles = roles_of(user)
    admin = (Role.ADMIN, Role.OWNER)
    orgs = [o for o in orgs_of(user=user) if roles.get(o.id) in admin and o.personal_for_id != user.id]
    return [("", f"Your account ({user.username})"), *[(o.slug, f"Organization {o.slug}") for o in orgs]]


def _provider_forms(request, bound: ProviderCredentialsForm | None = None) -> list[dict]:
    owners = _credential_owners(request.user)
    # organizations the user administers; a personal organization's slug is its user's username
    admin_slugs = {slug for slug, _ in owners[1:]} | {request.user.username}
    entries = []
    for entry in provider_services.providers_for(user=request.user):
        form = bound if bound and bound.prefix == entry["provider"] else None
        entries.append(
            {
                **entry,
                "form": form or ProviderCredentialsForm(provider=entry, owners=owners),
                "org_credentials": [(slug, slug in admin_slugs) for slug in entry["organizations"]],
            }
        )
    return entries


def _providers_page(request, bound: ProviderCredentialsForm | None = None):
    context = {"providers": _provider_forms(request, bound)}
    response = render(request, "accounts/providers.html", context, status=400 if bound else 200)
    response["Cache-Control"] = "no-store"
    return response


def _provider_entry(user, provider: str) -> dict:
    entry = next((p for p in provider_services.providers_for(user=user) if p["provider"] == provider), None)
    if entry is None:
        raise Http404(f"Unknown provider '{provider}'.")
    return entry


@login_required
def settings_providers(request):
    return _providers_page(request)


@require_POST
@login_required
@page_errors
def settings_provider_set(request, provider):
    entry = _provider_entry(request.user, provider)
    form = ProviderCredentialsForm(request.POST, provider=entry, owners=_credential_owners(request.user))
    if form.is_valid():
        target = form.cleaned_data["organization_name"] or None
        try:
            provider_services.provider_credentials_set(
                user=request.user,
                provider=provider,
                token=form.cleaned_data["token"],
                instance=form.cleaned_data["instance"],
                organization_name=target,
            )
        except InvalidInput as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"{entry['name']} credentials saved for {_owner_label(target)}.")
            return redirect("settings-providers")
    return _providers_page(request, bound=form)


def _owner_label(organization_name: str | None) -> str:
    return f"the organization {organization_name}" if organization_name else "your account"


def _removal_target(request, provider: str) -> tuple[dict, str | None]:
    """The stored credentials a removal is about; 404 when there are none the user can see, 403 for non-admins."""
    entry = _provider_entry(request.user, provider)
    organization_name = (request.POST if request.method == "POST" else request.GET).get("organization") or None
    if organization_name is None:
        if not entry["user_configured"]:
            raise Http404("No credentials are set for your account.")
        return entry, None
    if organization_name not in entry["organizations"]:
        raise Http404("No credentials are set for this organization.")
    organization = get_object_or_404(Organization, slug=organization_name)
    require_org_role(request.user, organization, Role.ADMIN, action="manage its provider credentials")
    return entry, organization_name


@login_required
@page_errors
def settings_provider_remove(request, provider):
    """GET: what will be removed and what that stops; POST: remove it."""
    entry, organization_name = _removal_target(request, provider)
    if request.method == "POST":
        provider_services.provider_credentials_delete(
            user=request.user, provider=provider, organization_name=organization_name
        )
        messages.success(request, f"Removed the {entry['name']} credentials of {_owner_label(organization_name)}.")
        return redirect("settings-providers")
    context = {"provider": entry, "organization_name": organization_name, "owner": _owner_label(organization_name)}
    return render(request, "accounts/provider_remove.html", context)
