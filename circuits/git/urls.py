from django.urls import re_path

from circuits.git.http import git_endpoint

urlpatterns = [
    re_path(
        r"^(?P<owner>[A-Za-z0-9][A-Za-z0-9._-]*)/(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*?)\.git/"
        r"(?P<path>info/refs|git-upload-pack|git-receive-pack)$",
        git_endpoint,
        name="circuit-git",
    ),
]
