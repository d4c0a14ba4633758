from django.urls import path

from spaces import views

urlpatterns = [
    path("explore/spaces", views.explore, name="explore-spaces"),
    path("spaces/new", views.space_new, name="space-new"),
    path("spaces/<str:owner>/<str:name>", views.space_page, name="space-page"),
    path("spaces/<str:owner>/<str:name>/files", views.space_file_save, name="space-file-save"),
    path("spaces/<str:owner>/<str:name>/star", views.space_star, name="space-star"),
    path("spaces/<str:owner>/<str:name>/fork", views.space_fork, name="space-fork"),
]
