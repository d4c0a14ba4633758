from django.urls import path

from benchmarks import views

urlpatterns = [
    path("benchmarks", views.suites, name="benchmarks"),
    # before the suite/problem patterns, which would read "results" as a suite name
    path("benchmarks/results/<uuid:result_id>", views.result_page, name="benchmark-result"),
    path("benchmarks/results/<uuid:result_id>/rerun", views.result_rerun, name="benchmark-result-rerun"),
    path("benchmarks/submissions/<uuid:submission_id>", views.submission_page, name="benchmark-submission"),
    path("benchmarks/<str:suite_name>", views.suite_page, name="benchmark-suite"),
    path("benchmarks/<str:suite_name>/<str:problem_id>", views.problem_page, name="benchmark-problem"),
    path("benchmarks/<str:suite_name>/<str:problem_id>/run", views.problem_run, name="benchmark-problem-run"),
    path("benchmarks/<str:suite_name>/<str:problem_id>/submit", views.submission_new, name="benchmark-submission-new"),
]
