from django.urls import path

from circuits import views

urlpatterns = [
    path("", views.home, name="home"),
    path("explore", views.explore, name="explore"),
    path("explore/tags/<str:tag>", views.explore, name="tag"),
    path("new", views.circuit_new, name="circuit-new"),
    path("<str:owner>/<str:name>", views.circuit_page, name="circuit-page"),
    path("<str:owner>/<str:name>/diagram.svg", views.circuit_diagram, name="circuit-diagram"),
    path("<str:owner>/<str:name>/edit", views.circuit_edit, name="circuit-edit"),
    path("<str:owner>/<str:name>/delete", views.circuit_delete, name="circuit-delete"),
    path("<str:owner>/<str:name>/delete-file", views.circuit_file_delete, name="circuit-file-delete"),
    path("<str:owner>/<str:name>/star", views.circuit_star, name="circuit-star"),
    path("<str:owner>/<str:name>/fork", views.circuit_fork, name="circuit-fork"),
]
