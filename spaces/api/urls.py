from django.urls import path

from spaces.api import runs, views

urlpatterns = [
    path("spaces", views.SpaceListView.as_view(), name="api-spaces"),
    path("spaces/resolve", views.SpaceResolveView.as_view(), name="api-space-resolve"),
    path("spaces/<uuid:space_id>", views.SpaceDetailView.as_view(), name="api-space"),
    path("spaces/<uuid:space_id>/star", views.SpaceStarView.as_view(), name="api-space-star"),
    path("spaces/<uuid:space_id>/fork", views.SpaceForkView.as_view(), name="api-space-fork"),
    path("spaces/<uuid:space_id>/files", views.SpaceFileCreateView.as_view(), name="api-space-files"),
    path("spaces/files/<uuid:file_id>", views.SpaceFileView.as_view(), name="api-space-file"),
    path("spaces/<uuid:space_id>/execute", runs.SpaceExecuteView.as_view(), name="api-space-execute"),
    path("spaces/<uuid:space_id>/executions", runs.SpaceExecutionStartView.as_view(), name="api-space-executions"),
    path("spaces/executions/<uuid:execution_id>", runs.SpaceExecutionView.as_view(), name="api-space-execution"),
    path("spaces/<uuid:space_id>/visualize", runs.SpaceVisualizeView.as_view(), name="api-space-visualize"),
]
