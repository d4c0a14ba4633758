"""Provider credentials: set, delete, list (write-only: secrets never leave), and which apply to a caller."""

from django.db.models import Q

from orgs.access import require_org_role, roles_of
from orgs.models import Organization, Role
from qubithub.errors import InvalidInput, NotFound
from runs import providers
from runs.providers import crypto
from runs.providers.base import Secret
from runs.providers.models import Provider, ProviderCredential


def _provider(name: str) -> str:
    if name not in Provider.values:
        raise NotFound(f"Unknown provider '{name}'. Providers: {', '.join(Provider.values)}.")
    return name


def _owner(*, user, organization_name: str | None) -> dict:
    """{"user": user} or {"organization": org}; an organization's credentials need its admins."""
    if not organization_name:
        return {"user": user, "organization": None}
    organization = Organization.objects.filter(slug=organization_name).first()
    if organization is None:
        raise NotFound(f"Organization '{organization_name}' not found.")
    require_org_role(user, organization, Role.ADMIN, action="manage its provider credentials")
    return {"user": None, "organization": organization}


def provider_credentials_set(
    *, user, provider: str, token: str, instance: str = "", organization_name: str | None = None
) -> ProviderCredential:
    adapter = providers.adapter(_provider(provider))
    if not adapter.installed():
        raise InvalidInput(f"{adapter.label} is not installed on this server (it needs the {adapter.sdk} package).")
    secret = Secret(token=token.strip(), instance=(instance or "").strip())
    try:
        adapter.check_secret(secret)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    owner = _owner(user=user, organization_name=organization_name)
    sealed = crypto.seal({"token": secret.token, "instance": secret.instance})
    credential, _ = ProviderCredential.objects.update_or_create(
        provider=provider, **owner, defaults={"secret": sealed, "set_by": user}
    )
    return credential


def provider_credentials_delete(*, user, provider: str, organization_name: str | None = None) -> None:
    owner = _owner(user=user, organization_name=organization_name)
    deleted, _ = ProviderCredential.objects.filter(provider=_provider(provider), **owner).delete()
    if not deleted:
        raise NotFound(f"No {provider} credentials are set here.")


def credential_for(*, user, provider: str, prefer_organization_id=None) -> ProviderCredential | None:
    """The caller's own credentials; else an organization's they belong to (the circuit's first, then by slug)."""
    if user is None or not user.is_authenticated:
        return None
    org_ids = list(roles_of(user).keys())
    mine = Q(user=user) if getattr(user, "acting_org_id", None) is None else Q(pk__in=[])
    candidates = ProviderCredential.objects.filter(mine | Q(organization_id__in=org_ids), provider=provider)
    found = list(candidates.select_related("organization"))
    found.sort(
        key=lambda c: (
            c.user_id is None,
            c.organization_id != prefer_organization_id,
            c.organization.slug if c.organization else "",
        )
    )
    return found[0] if found else None


def secret_of(credential: ProviderCredential) -> Secret:
    data = crypto.unseal(credential.secret)
    return Secret(token=data.get("token", ""), instance=data.get("instance", ""))


def providers_for(*, user) -> list[dict]:
    """GET /providers: each provider, whether it is installed here, and which credentials the caller has."""
    answer = []
    for name, label in Provider.choices:
        adapter = providers.adapter(name)
        own = ProviderCredential.objects.filter(provider=name, user=user).exists()
        orgs = ProviderCredential.objects.filter(provider=name, organization_id__in=list(roles_of(user)))
        answer.append(
            {
                "provider": name,
                "name": label,
                "installed": adapter.installed(),
                "configured": own or orgs.exists(),
                "user_configured": own,
                "organizations": sorted(orgs.values_list("organization__slug", flat=True)),
            }
        )
    return answer


def hardware_unavailable_reason(*, user, backend: dict, prefer_organization_id=None) -> str | None:
    """Why the caller cannot run on this hardware backend, or None when they can."""
    provider = providers.provider_of(backend)
    if provider is None:
        return f"Backend '{backend['id']}' has no provider adapter on this server."
    adapter = providers.adapter(provider)
    if not adapter.installed():
        return f"{adapter.label} is not installed on this server (it needs the {adapter.sdk} package)."
    if credential_for(user=user, provider=provider, prefer_organization_id=prefer_organization_id) is None:
        return (
            f"Backend '{backend['id']}' needs {adapter.label} credentials, and none are set for you or your "
            f"organizations: set them in Settings › Hardware providers (/settings/providers) or with "
            f"PUT /api/providers/{provider}/credentials."
        )
    return None


def backends_for(*, user, backends: list[dict]) -> list[dict]:
    """The catalogue as the caller sees it: hardware is available where they have credentials for its provider."""
    configured = {
        name
        for name in Provider.values
        if providers.adapter(name).installed() and credential_for(user=user, provider=name) is not None
    }
    seen = []
    for backend in backends:
        if backend.get("type") == "hardware" and providers.provider_of(backend) in configured:
            backend = {**backend, "status": "available"}
        seen.append(backend)
    return seen
