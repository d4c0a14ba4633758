from django.urls import path

from circuits import views

urlpatterns = [
    path("", views.explore, name="explore"),
    path("<str:owner>/<str:name>", views.circuit_page, name="circuit-page"),
]
