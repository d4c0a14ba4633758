"""Teach drf-spectacular how our authenticators and list envelopes appear in the OpenAPI schema."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerJWTScheme(SimpleJWTScheme):
    target_class = "qubithub.api.authentication.BearerJWTAuthentication"
    name = "jwtAuth"


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "qubithub.api.authentication.CsrfSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


class EnvelopeAutoSchema(AutoSchema):
    """List answers are {"<resource>": [...], "total": n, "page": p, "pages": k}: the schema says so too.

    Views declare `responses={200: Card(many=True)}`; the envelope key is the view's `envelope_key`, else the last
    segment of the path (`/api/runs` -> "runs").
    """

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        if self.method != "GET" or str(status_code) != "200":
            return response
        for content in response.get("content", {}).values():
            schema = content.get("schema", {})
            if schema.get("type") == "array":
                content["schema"] = envelope_schema(self._envelope_key(), schema)
        return response

    def _envelope_key(self) -> str:
        return getattr(self.view, "envelope_key", None) or self.path.rstrip("/").rsplit("/", 1)[-1].replace("-", "_")


def envelope_schema(key: str, items: dict) -> dict:
    counts = {name: {"type": "integer", "minimum": 0} for name in ("total", "page", "pages")}
    return {"type": "object", "required": [key, "total", "page", "pages"], "properties": {key: items, **counts}}
