from django.urls import path

from circuits.api import files, views

urlpatterns = [
    path("circuits", views.CircuitListView.as_view(), name="api-circuits"),
    path("circuits/resolve", views.CircuitResolveView.as_view(), name="api-circuit-resolve"),
    path("circuits/<uuid:circuit_id>", views.CircuitDetailView.as_view(), name="api-circuit"),
    path("circuits/<uuid:circuit_id>/star", views.CircuitStarView.as_view(), name="api-circuit-star"),
    path("circuits/<uuid:circuit_id>/fork", views.CircuitForkView.as_view(), name="api-circuit-fork"),
    path(
        "circuits/<uuid:circuit_id>/versions/<int:a>/diff/<int:b>",
        views.CircuitDiffView.as_view(),
        name="api-circuit-diff",
    ),
    path("circuits/<uuid:circuit_id>/files", files.CircuitFilesView.as_view(), name="api-circuit-files"),
    path("circuits/<uuid:circuit_id>/upload", files.CircuitUploadView.as_view(), name="api-circuit-upload"),
    path(
        "circuits/<uuid:circuit_id>/upload-batch",
        files.CircuitUploadBatchView.as_view(),
        name="api-circuit-upload-batch",
    ),
    path("files/<path:file_path>", files.FileDownloadView.as_view(), name="api-file"),
]
