"""Profile pages (a user's or an organization's public face) and organization settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.forms import ApiKeyForm
from circuits import selectors as circuit_selectors
from circuits.querysets import card_page
from orgs import selectors, services
from orgs.access import has_role, require_org_role
from orgs.forms import MemberAddForm, MemberRoleForm, OrgCreateForm, OrgDeleteForm, OrgEditForm
from orgs.models import Role
from qubithub.api.scopes import ALL_SCOPES
from qubithub.errors import Conflict, DomainError
from qubithub.pages import page_errors

PROFILE_LIST_SIZE = 24


def _datasets_of(user, slug: str) -> list:
    from datasets.selectors import dataset_list

    return list(dataset_list(user=user, filters={"owner": slug})[:PROFILE_LIST_SIZE])


def _spaces_of(user, slug: str) -> list:
    from spaces.selectors import space_list

    return list(space_list(user=user, filters={"owner": slug})[:PROFILE_LIST_SIZE])


@page_errors
def profile(request, owner: str):
    organization = selectors.org_get_by_slug(slug=owner)
    circuits = circuit_selectors.circuit_list(user=request.user, filters={"owner": organization.slug})
    context = {
        "org": organization,
        "person": organization.personal_for,
        "members": [] if organization.is_personal else list(selectors.org_members(organization=organization)),
        "circuits": card_page(circuits, request.user, offset=0, limit=PROFILE_LIST_SIZE),
        "circuit_count": circuits.count(),
        "datasets": _datasets_of(request.user, organization.slug),
        "spaces": _spaces_of(request.user, organization.slug),
        "is_admin": has_role(request.user, organization, Role.ADMIN) and not organization.is_personal,
    }
    return render(request, "orgs/profile.html", context)


@login_required
def org_new(request):
    form = OrgCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            org = services.org_create(creator=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Created the organization {org.slug}.")
            return redirect("profile", org.slug)
    return render(request, "orgs/new.html", {"form": form}, status=400 if form.errors else 200)


def _settings_org(request, slug: str):
    organization = selectors.org_get_by_slug(slug=slug)
    require_org_role(request.user, organization, Role.ADMIN, action="manage this organization")
    return organization


def _edit_form(request, organization):
    initial = {field: getattr(organization, field) for field in services.ORG_FIELDS}
    return OrgEditForm(request.POST if request.POST.get("action") == "edit" else None, prefix="org", initial=initial)


@login_required
@page_errors
def org_settings(request, slug: str):
    """Profile, members and roles, organization API keys; each form posts here with its `action`."""
    organization = _settings_org(request, slug)
    edit = _edit_form(request, organization)
    key_form = ApiKeyForm(
        request.POST if request.POST.get("action") == "key" else None, scopes=ALL_SCOPES, prefix="key"
    )
    add_form = MemberAddForm(request.POST if request.POST.get("action") == "add" else None, prefix="member")
    issued = None
    try:
        if edit.is_bound and edit.is_valid():
            services.org_update(organization=organization, **edit.cleaned_data)
            messages.success(request, "Saved the organization's profile.")
            return redirect("org-settings", organization.slug)
        elif add_form.is_bound and add_form.is_valid():
            services.org_member_add(actor=request.user, organization=organization, **add_form.cleaned_data)
            messages.success(request, f"Added {add_form.cleaned_data['email']}.")
        elif key_form.is_bound and key_form.is_valid():
            issued = services.org_key_create(actor=request.user, organization=organization, **key_form.cleaned_data)
    except ValidationError as exc:  # the model's own validation, as the API reports it
        edit.add_error(None, exc.messages)
        organization.refresh_from_db()
    except DomainError as exc:
        messages.error(request, exc.detail)
    context = {
        "org": organization,
        "edit_form": edit,
        "add_form": add_form,
        "key_form": key_form if issued is None else ApiKeyForm(scopes=ALL_SCOPES, prefix="key"),
        "issued": issued,
        "members": selectors.org_members(organization=organization),
        "roles": Role.choices,
        "keys": selectors.org_keys(organization=organization),
        "is_owner": has_role(request.user, organization, Role.OWNER),
    }
    invalid = any(form.is_bound and form.errors for form in (edit, add_form, key_form))
    response = render(request, "orgs/settings.html", context, status=400 if invalid else 200)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@page_errors
def org_delete(request, slug: str):
    """GET: what the organization owns and a confirmation form; POST: DELETE /api/orgs/{id}[?force=true]."""
    organization = selectors.org_get_by_slug(slug=slug)
    require_org_role(request.user, organization, Role.OWNER, action="delete the organization")
    form = OrgDeleteForm(request.POST or None, slug=organization.slug)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_delete(organization=organization, force=form.cleaned_data["force"])
        except Conflict:  # the API's wording says ?force=true; the page has a checkbox for it
            form.add_error("force", "It still owns resources: tick this to delete them with it, or move them first.")
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Deleted the organization {organization.slug}.")
            return redirect("profile", request.user.username)
    counts = selectors.org_owned_counts(organization=organization)
    context = {"org": organization, "form": form, "counts": counts, "owned": sum(counts.values())}
    response = render(request, "orgs/delete.html", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
@page_errors
def org_member_change(request, slug: str, user_id):
    organization = selectors.org_get_by_slug(slug=slug)
    try:
        if request.POST.get("action") == "remove":
            services.org_member_remove(actor=request.user, organization=organization, user_id=user_id)
            messages.success(request, "Member removed.")
        else:
            form = MemberRoleForm(request.POST)
            if form.is_valid():
                services.org_member_role_set(
                    actor=request.user, organization=organization, user_id=user_id, role=form.cleaned_data["role"]
                )
                messages.success(request, "Role changed.")
    except DomainError as exc:
        messages.error(request, exc.detail)
    return redirect("org-settings", slug)


@require_POST
@login_required
@page_errors
def org_key_revoke(request, slug: str, key_id):
    organization = selectors.org_get_by_slug(slug=slug)
    services.org_key_revoke(actor=request.user, organization=organization, key_id=key_id)
    messages.success(request, "Key revoked.")
    return redirect("org-settings", slug)
