"""Org personas on top of the root ones: dave is an admin of `lab`, erin a second member."""

import pytest

from circuits.services import circuit_create
from conftest import jwt_client, make_user
from orgs.models import Membership, Role


@pytest.fixture
def dave(lab):
    user = make_user("dave")
    Membership.objects.create(organization=lab, user=user, role=Role.ADMIN)
    return user


@pytest.fixture
def erin(lab):
    user = make_user("erin")
    Membership.objects.create(organization=lab, user=user, role=Role.MEMBER)
    return user


@pytest.fixture
def dave_api(dave):
    return jwt_client(dave)


def make_circuit(user, name: str, *, org: str | None = "lab", public: bool = True):
    return circuit_create(
        creator=user, name=name, title=name.title(), framework="qiskit", is_public=public, organization_name=org
    )
