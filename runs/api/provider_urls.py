from django.urls import path

from runs.api import provider_views

urlpatterns = [
    path("providers", provider_views.ProviderListView.as_view(), name="api-providers"),
    path(
        "providers/<str:provider>/credentials",
        provider_views.ProviderCredentialsView.as_view(),
        name="api-provider-credentials",
    ),
]
