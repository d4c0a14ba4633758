"""Deleting an organization's resources with it, through each app's own delete service.

A forced organization deletion must leave nothing behind: not the rows (the database cascade does that)
but also what the apps store outside the database (circuit files and git repositories, dataset files).
Each app registers the service that deletes one of its resources in its AppConfig.ready():

    register_resource_delete(Circuit, lambda circuit: circuit_delete(circuit=circuit))

and `org_resources_delete` calls it for every resource the organization owns, inside the caller's
transaction: the services remove their stored files on commit, so a failed deletion removes nothing.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from orgs.access import OwnedResource
from orgs.models import Organization

ResourceDelete = Callable[[OwnedResource], None]
DELETERS: dict[type[OwnedResource], ResourceDelete] = {}


def register_resource_delete(model: type[OwnedResource], delete: ResourceDelete) -> None:
    if not issubclass(model, OwnedResource):
        raise ImproperlyConfigured(f"{model.__name__} is not an OwnedResource; only owned resources are registered.")
    DELETERS[model] = delete


def org_resources_delete(*, organization: Organization) -> None:
    """Every resource the organization owns, one by one, by its app's delete service."""
    for model, delete in DELETERS.items():
        for resource in model.objects.owned_by(organization).order_by("created_at").iterator():
            delete(resource)


def resource_delete(resource: OwnedResource) -> None:
    """Delete one resource through its app's service (its stored files go too)."""
    DELETERS.get(type(resource), type(resource).delete)(resource)


def organizations_delete_with_resources(organizations) -> None:
    """For deletions outside org_delete (Django admin, a user's personal organization): resources first."""
    for organization in organizations:
        org_resources_delete(organization=organization)
