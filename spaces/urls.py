from django.urls import path

from spaces import views

SPACE = "spaces/<str:owner>/<str:name>"

urlpatterns = [
    path("explore/spaces", views.explore, name="explore-spaces"),
    path("spaces/new", views.space_new, name="space-new"),
    path(SPACE, views.space_page, name="space-page"),
    path(f"{SPACE}/edit", views.space_edit, name="space-edit"),
    path(f"{SPACE}/delete", views.space_delete, name="space-delete"),
    path(f"{SPACE}/executions", views.space_executions, name="space-executions"),
    path(f"{SPACE}/files", views.space_file_save, name="space-file-save"),
    path(f"{SPACE}/files/new", views.space_file_new, name="space-file-new"),
    path(f"{SPACE}/files/<uuid:file_id>/rename", views.space_file_rename, name="space-file-rename"),
    path(f"{SPACE}/files/<uuid:file_id>/delete", views.space_file_delete, name="space-file-delete"),
    path(f"{SPACE}/star", views.space_star, name="space-star"),
    path(f"{SPACE}/fork", views.space_fork, name="space-fork"),
]
