from django.urls import path

from benchmarks import views

urlpatterns = [
    path("benchmarks", views.suites, name="benchmarks"),
    path("benchmarks/<str:suite_name>", views.suite_page, name="benchmark-suite"),
    path("benchmarks/<str:suite_name>/<str:problem_id>", views.problem_page, name="benchmark-problem"),
    path("benchmarks/<str:suite_name>/<str:problem_id>/run", views.problem_run, name="benchmark-problem-run"),
]
