from django.urls import path

from runs import views

urlpatterns = [
    path("runs", views.my_runs, name="my-runs"),
    path("runs/<uuid:run_id>", views.run_page, name="run-page"),
    path("runs/<uuid:run_id>/result", views.run_result, name="run-result"),
    path("runs/<uuid:run_id>/cancel", views.run_cancel, name="run-cancel"),
    path("runs/<uuid:run_id>/delete", views.run_delete, name="run-delete"),
    path("runs/<uuid:run_id>/rerun", views.run_rerun, name="run-rerun"),
    path("backends", views.backends, name="backends"),
    path("backends/<str:backend_id>", views.backend_page, name="backend-page"),
    path("<str:owner>/<str:name>/run", views.run_submit, name="run-submit"),
]
