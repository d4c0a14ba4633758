from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from orgs.urls import profile_patterns
from qubithub import health
from qubithub.observability import views as observability_views

api_patterns = [
    path("", include("accounts.api.urls")),
    path("", include("orgs.api.urls")),
    path("", include("circuits.api.urls")),
    path("", include("datasets.api.urls")),
    path("", include("runs.api.urls")),
    path("", include("runs.api.provider_urls")),
    path("", include("spaces.api.urls")),
    path("", include("benchmarks.api.urls")),
    path("schema", SpectacularAPIView.as_view(), name="api-schema"),
    # the split view serves its init script as a separate file: the CSP (script-src 'self') allows it
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", observability_views.metrics, name="metrics"),
    path("", include("accounts.urls")),
    path("", include("circuits.git.urls")),  # /{owner}/{name}.git/...: before the circuit pages
    path("", include("runs.urls")),  # /runs/..., /backends/...: before the /{owner}/{name} pages
    path("", include("orgs.urls")),
    path("", include("datasets.urls")),
    path("", include("spaces.urls")),
    path("", include("benchmarks.urls")),
    path("", include("circuits.urls")),
    path("", include(profile_patterns)),  # /{owner}: last of all
]

handler404 = "qubithub.pages.not_found"
handler403 = "qubithub.pages.forbidden"
handler500 = "qubithub.pages.server_error"
