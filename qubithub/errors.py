"""Errors services raise on purpose. Plain Python: models and services import this without DRF."""


class DomainError(Exception):
    """Base of every error a service raises on purpose; carries an HTTP status and a detail."""

    status_code = 400
    default_detail = "The request could not be processed."

    def __init__(self, detail: str | None = None, *, fields: dict | None = None, headers: dict | None = None):
        self.detail = detail or self.default_detail
        self.fields = fields
        self.headers = headers or {}
        super().__init__(self.detail)


class InvalidInput(DomainError):
    status_code = 400
    default_detail = "Invalid input."


class NotAuthenticated(DomainError):
    status_code = 401
    default_detail = "Authentication credentials were not provided or are invalid."


class Forbidden(DomainError):
    status_code = 403
    default_detail = "You do not have permission to perform this action."


class NotFound(DomainError):
    status_code = 404
    default_detail = "Not found."


class Conflict(DomainError):
    status_code = 409
    default_detail = "Conflict with the current state of the resource."
