from django.urls import path

from datasets import views

urlpatterns = [
    path("explore/datasets", views.explore, name="explore-datasets"),
    path("datasets/new", views.dataset_new, name="dataset-new"),
    path("datasets/<str:owner>/<str:name>", views.dataset_page, name="dataset-page"),
    path("datasets/<str:owner>/<str:name>/contents", views.dataset_contents, name="dataset-contents"),
    path("datasets/<str:owner>/<str:name>/upload", views.dataset_upload, name="dataset-upload"),
    path("datasets/<str:owner>/<str:name>/edit", views.dataset_edit, name="dataset-edit"),
    path("datasets/<str:owner>/<str:name>/delete", views.dataset_delete, name="dataset-delete"),
    path("datasets/<str:owner>/<str:name>/query", views.dataset_query, name="dataset-query"),
    path("datasets/<str:owner>/<str:name>/star", views.dataset_star, name="dataset-star"),
    path("datasets/<str:owner>/<str:name>/fork", views.dataset_fork, name="dataset-fork"),
]
