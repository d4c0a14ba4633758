from django.urls import path

from datasets.api import files, views

urlpatterns = [
    path("datasets", views.DatasetListView.as_view(), name="api-datasets"),
    path("datasets/resolve", views.DatasetResolveView.as_view(), name="api-dataset-resolve"),
    path("datasets/<uuid:dataset_id>", views.DatasetDetailView.as_view(), name="api-dataset"),
    path("datasets/<uuid:dataset_id>/star", views.DatasetStarView.as_view(), name="api-dataset-star"),
    path("datasets/<uuid:dataset_id>/fork", views.DatasetForkView.as_view(), name="api-dataset-fork"),
    path("datasets/<uuid:dataset_id>/versions", files.VersionsView.as_view(), name="api-dataset-versions"),
    path("datasets/<uuid:dataset_id>/preview", files.PreviewView.as_view(), name="api-dataset-preview"),
    path("datasets/<uuid:dataset_id>/stats", files.StatsView.as_view(), name="api-dataset-stats"),
    path("datasets/<uuid:dataset_id>/query", files.QueryView.as_view(), name="api-dataset-query"),
    path("datasets/<uuid:dataset_id>/download", files.DownloadView.as_view(), name="api-dataset-download"),
]
