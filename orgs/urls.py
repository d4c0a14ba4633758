from django.urls import path

from orgs import views

urlpatterns = [
    path("orgs/new", views.org_new, name="org-new"),
    path("orgs/<str:slug>/settings", views.org_settings, name="org-settings"),
    path("orgs/<str:slug>/delete", views.org_delete, name="org-delete"),
    path("orgs/<str:slug>/leave", views.org_leave, name="org-leave"),
    path("orgs/<str:slug>/members/<uuid:user_id>", views.org_member_change, name="org-member-change"),
    path("orgs/<str:slug>/keys/<uuid:key_id>/revoke", views.org_key_revoke, name="org-key-revoke"),
    path("orgs/<str:slug>", views.org_page_redirect, name="org-page-redirect"),
]

# The profile page (`/<owner>`) is a catch-all: qubithub/urls.py includes it last.
profile_patterns = [path("<str:owner>", views.profile, name="profile")]
