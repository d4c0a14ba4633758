from django.urls import path

from benchmarks.api import views

urlpatterns = [
    path("benchmarks/suites", views.SuiteListView.as_view(), name="api-benchmark-suites"),
    path("benchmarks/suites/<str:suite_name>", views.SuiteDetailView.as_view(), name="api-benchmark-suite"),
    path("benchmarks/suites/<str:suite_name>/matrix", views.SuiteMatrixView.as_view(), name="api-benchmark-matrix"),
    path(
        "benchmarks/suites/<str:suite_name>/problems/<str:problem_id>",
        views.ProblemDetailView.as_view(),
        name="api-benchmark-problem",
    ),
    path("benchmarks/leaderboard/featured", views.FeaturedView.as_view(), name="api-benchmark-featured"),
    path(
        "benchmarks/leaderboard/<str:suite_name>/<str:problem_id>",
        views.LeaderboardView.as_view(),
        name="api-benchmark-leaderboard",
    ),
    path(
        "benchmarks/leaderboard/<str:suite_name>/<str:problem_id>/my-rank",
        views.MyRankView.as_view(),
        name="api-benchmark-my-rank",
    ),
    path("benchmarks/run", views.BenchmarkRunView.as_view(), name="api-benchmark-run"),
    path("benchmarks/results/<uuid:result_id>", views.ResultDetailView.as_view(), name="api-benchmark-result"),
    path("benchmarks/results/<uuid:result_id>/rerun", views.ResultRerunView.as_view(), name="api-benchmark-rerun"),
    path("benchmarks/submissions", views.SubmissionCreateView.as_view(), name="api-benchmark-submissions"),
    path(
        "benchmarks/submissions/<uuid:submission_id>",
        views.SubmissionDetailView.as_view(),
        name="api-benchmark-submission",
    ),
]
