"""Profile pages (a user's or an organization's public face) and organization settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.forms import ApiKeyForm
from accounts.key_display import new_key_keep, new_key_pop
from circuits import selectors as circuit_selectors
from circuits.querysets import card_page
from orgs import selectors, services
from orgs.access import has_role, require_org_role
from orgs.forms import MemberAddForm, MemberRoleForm, OrgCreateForm, OrgDeleteForm, OrgEditForm
from orgs.models import Role
from qubithub.api.scopes import ALL_SCOPES
from qubithub.errors import Conflict, DomainError
from qubithub.pages import form_add_domain_error, page_errors

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
        "is_member": has_role(request.user, organization, Role.MEMBER) and not organization.is_personal,
    }
    return render(request, "orgs/profile.html", context)


@login_required
def org_new(request):
    form = OrgCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            org = services.org_create(creator=request.user, **form.cleaned_data)
        except DomainError as exc:
            form_add_domain_error(form, exc)
        else:
            messages.success(request, f"Created the organization {org.slug}.")
            return redirect("profile", org.slug)
    return render(request, "orgs/new.html", {"form": form}, status=400 if form.errors else 200)


def _settings_org(request, slug: str):
    """Members read the settings (members with emails, keys: what the API shows them); only admins change them."""
    organization = selectors.org_get_by_slug(slug=slug)
    require_org_role(request.user, organization, Role.MEMBER, action="see its settings")
    if request.method == "POST":
        require_org_role(request.user, organization, Role.ADMIN, action="manage this organization")
    return organization


def _settings_forms(request, organization) -> dict:
    """The edit, add-member and new-key forms; the one named by the POST's `action` is bound."""
    action = request.POST.get("action") if request.method == "POST" else None
    initial = {field: getattr(organization, field) for field in services.ORG_FIELDS}
    return {
        "edit": OrgEditForm(request.POST if action == "edit" else None, prefix="org", initial=initial),
        "add": MemberAddForm(request.POST if action == "add" else None, prefix="member"),
        "key": ApiKeyForm(request.POST if action == "key" else None, scopes=ALL_SCOPES, prefix="key"),
    }


def _settings_apply(request, organization, action: str, data: dict) -> None:
    """Calls the API's service for the posted form; a new key's secret is kept for the next GET."""
    if action == "edit":
        services.org_update(organization=organization, **data)
        messages.success(request, "Saved the organization's profile.")
    elif action == "add":
        membership = services.org_member_add(actor=request.user, organization=organization, **data)
        messages.success(request, f"Added {membership.user.username} as {membership.get_role_display().lower()}.")
    else:
        issued = services.org_key_create(actor=request.user, organization=organization, **data)
        new_key_keep(request, issued=issued, page=f"org:{organization.id}")


def _settings_submit(request, organization, forms: dict) -> bool:
    """True when the posted form was valid and its service succeeded (the page then redirects: reloads are safe)."""
    action, form = next(((name, form) for name, form in forms.items() if form.is_bound), (None, None))
    if form is None or not form.is_valid():
        return False
    try:
        _settings_apply(request, organization, action, form.cleaned_data)
    except ValidationError as exc:  # the model's own validation, as the API reports it
        form.add_error(None, exc.messages)
        organization.refresh_from_db()
    except DomainError as exc:
        form_add_domain_error(form, exc)
    return not form.errors


@login_required
@page_errors
def org_settings(request, slug: str):
    """Profile, members and roles, organization API keys; each form posts here with its `action`."""
    organization = _settings_org(request, slug)
    forms = _settings_forms(request, organization)
    if request.method == "POST" and _settings_submit(request, organization, forms):
        return redirect("org-settings", organization.slug)
    issued = new_key_pop(request, page=f"org:{organization.id}") if request.method == "GET" else None
    context = {
        "org": organization,
        "edit_form": forms["edit"],
        "add_form": forms["add"],
        "key_form": forms["key"],
        "issued": issued,
        "members": selectors.org_members(organization=organization),
        "roles": Role.choices,
        "keys": selectors.org_keys(organization=organization),
        "is_admin": has_role(request.user, organization, Role.ADMIN),
        "is_owner": has_role(request.user, organization, Role.OWNER),
    }
    invalid = any(form.is_bound and form.errors for form in forms.values())
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
            form_add_domain_error(form, exc)
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


@login_required
@page_errors
def org_leave(request, slug: str):
    """GET: what leaving means (or why the last owner cannot); POST: DELETE /api/orgs/{id}/members/{self}."""
    organization = selectors.org_get_by_slug(slug=slug)
    membership = selectors.org_membership(organization=organization, user=request.user)
    error = None
    if request.method == "POST":
        try:
            services.org_member_remove(actor=request.user, organization=organization, user_id=request.user.pk)
        except DomainError as exc:
            error = selectors.org_leave_refusal(membership=membership) or exc.detail
        else:
            messages.success(request, f"You left the organization {organization.slug}.")
            return redirect("profile", request.user.username)
    refusal = error or selectors.org_leave_refusal(membership=membership)
    context = {"org": organization, "membership": membership, "refusal": refusal}
    status = 400 if request.method == "POST" else 200
    return render(request, "orgs/leave.html", context, status=status)


@page_errors
def org_page_redirect(request, slug: str):
    """/orgs/<slug> is where people guess an organization's page is: it lives at /<slug>."""
    return redirect("profile", selectors.org_get_by_slug(slug=slug).slug)
