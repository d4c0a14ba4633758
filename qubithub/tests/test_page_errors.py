"""Pages turn every refusal a service raises into a friendly page with its status and reason, never a 500."""

import pytest
from django.test import RequestFactory

from qubithub.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound
from qubithub.pages import page_errors


def view_raising(error):
    @page_errors
    def view(request):
        raise error

    return view


@pytest.fixture
def request_():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/alice/bell/run")
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    ("error", "status", "text"),
    [
        (Forbidden("Daily run limit reached: 100 of 100 runs today."), 403, "Daily run limit reached"),
        (Conflict("A circuit named 'bell' already exists."), 409, "already exists"),
        (InvalidInput("Shots must be at most 100000."), 400, "Shots must be at most 100000."),
    ],
)
def test_a_refusal_shows_its_reason_with_its_status(request_, error, status, text):
    response = view_raising(error)(request_)
    assert response.status_code == status
    assert text in response.content.decode()


def test_headers_of_the_error_are_kept(request_):
    response = view_raising(Forbidden("Slow down.", headers={"Retry-After": "7"}))(request_)
    assert response["Retry-After"] == "7"


def test_not_found_is_the_404_page(request_):
    from django.http import Http404

    with pytest.raises(Http404):
        view_raising(NotFound())(request_)


def test_not_signed_in_goes_to_the_log_in_page(request_):
    response = view_raising(NotAuthenticated())(request_)
    assert response.status_code == 302 and response["Location"].startswith("/login?next=")
