"""Teach drf-spectacular how our authenticators appear in the OpenAPI schema."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class BearerJWTScheme(SimpleJWTScheme):
    target_class = "qubithub.api.authentication.BearerJWTAuthentication"
    name = "jwtAuth"


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "qubithub.api.authentication.CsrfSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
