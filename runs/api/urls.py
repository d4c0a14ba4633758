from django.urls import path

from runs.api import backend_views, views

urlpatterns = [
    path("runs", views.RunListView.as_view(), name="api-runs"),
    path("runs/users/me/stats", views.MyRunStatsView.as_view(), name="api-my-run-stats"),
    path("runs/circuits/<uuid:circuit_id>/stats", views.CircuitRunStatsView.as_view(), name="api-circuit-run-stats"),
    path("runs/<uuid:run_id>", views.RunDetailView.as_view(), name="api-run"),
    path("circuits/<uuid:circuit_id>/runs", views.CircuitRunsView.as_view(), name="api-circuit-runs"),
    path("backends", backend_views.BackendListView.as_view(), name="api-backends"),
    path("backends/<str:backend_id>", backend_views.BackendDetailView.as_view(), name="api-backend"),
    path(
        "backends/<str:backend_id>/calibration/latest",
        backend_views.BackendCalibrationView.as_view(),
        name="api-backend-calibration",
    ),
]
