from django.urls import path

from orgs.api import views
from qubithub.api.scopes import CIRCUITS, DATASETS, SPACES

resources = views.OrgResourcesView.as_view

urlpatterns = [
    path("orgs", views.OrgListView.as_view(), name="api-orgs"),
    path("orgs/<uuid:org_id>", views.OrgDetailView.as_view(), name="api-org"),
    path("orgs/<uuid:org_id>/members", views.OrgMembersView.as_view(), name="api-org-members"),
    path("orgs/<uuid:org_id>/members/<uuid:user_id>", views.OrgMemberView.as_view(), name="api-org-member"),
    path("orgs/<uuid:org_id>/keys", views.OrgKeysView.as_view(), name="api-org-keys"),
    path("orgs/<uuid:org_id>/keys/<uuid:key_id>", views.OrgKeyView.as_view(), name="api-org-key"),
    path("orgs/<slug:slug>/profile", views.OrgProfileView.as_view(), name="api-org-profile"),
    path("orgs/<slug:slug>/public-members", views.OrgPublicMembersView.as_view(), name="api-org-public-members"),
    path("orgs/<slug:slug>/circuits", resources(kind="circuits", scopes=CIRCUITS), name="api-org-circuits"),
    path("orgs/<slug:slug>/datasets", resources(kind="datasets", scopes=DATASETS), name="api-org-datasets"),
    path("orgs/<slug:slug>/spaces", resources(kind="spaces", scopes=SPACES), name="api-org-spaces"),
]
