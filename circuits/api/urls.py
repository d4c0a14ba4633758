from django.urls import path

from circuits.api import views

urlpatterns = [
    path("circuits", views.CircuitListView.as_view(), name="api-circuits"),
    path("circuits/resolve", views.CircuitResolveView.as_view(), name="api-circuit-resolve"),
    path("circuits/<uuid:circuit_id>", views.CircuitDetailView.as_view(), name="api-circuit"),
    path("circuits/<uuid:circuit_id>/files", views.CircuitFilesView.as_view(), name="api-circuit-files"),
    path("circuits/<uuid:circuit_id>/upload", views.CircuitUploadView.as_view(), name="api-circuit-upload"),
    path(
        "circuits/<uuid:circuit_id>/upload-batch",
        views.CircuitUploadBatchView.as_view(),
        name="api-circuit-upload-batch",
    ),
    path("files/<path:file_path>", views.FileDownloadView.as_view(), name="api-file"),
]
