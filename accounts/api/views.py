from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import keys, services, usage
from accounts.api import serializers as s
from accounts.models import ApiKey
from qubithub.api.exceptions import InvalidInput
from qubithub.api.parsing import validated_body
from qubithub.api.permissions import ApiKeyScopePermission
from qubithub.api.scopes import ACCOUNT
from qubithub.api.throttles import plan_rate

REFRESH_COOKIE = "refresh_token"


def _with_refresh_cookie(response: Response, refresh_token: str) -> Response:
    response.set_cookie(
        REFRESH_COOKIE,
        refresh_token,
        max_age=int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds()),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
        path="/api/auth",
    )
    return response


class PublicAuthView(APIView):
    authentication_classes: list = []
    permission_classes: list = []


class RegisterView(PublicAuthView):
    throttle_scope = "auth"

    @extend_schema(request=s.RegisterInput, responses={201: s.AuthOutput}, tags=["auth"])
    def post(self, request):
        data = validated_body(s.RegisterInput, request)
        user = services.user_register(**data)
        tokens = services.tokens_issue(user=user)
        response = Response(s.auth_payload(user, tokens), status=status.HTTP_201_CREATED)
        return _with_refresh_cookie(response, tokens["refresh_token"])


class LoginView(PublicAuthView):
    throttle_scope = "auth"

    @extend_schema(request=s.LoginInput, responses={200: s.AuthOutput, 401: OpenApiResponse()}, tags=["auth"])
    def post(self, request):
        data = validated_body(s.LoginInput, request)
        user = services.user_authenticate(identifier=data["identifier"], password=data["password"])
        tokens = services.tokens_issue(user=user)
        return _with_refresh_cookie(Response(s.auth_payload(user, tokens)), tokens["refresh_token"])


class RefreshView(PublicAuthView):
    @extend_schema(request=s.RefreshInput, responses={200: s.TokenPairOutput, 401: OpenApiResponse()}, tags=["auth"])
    def post(self, request):
        token = request.data.get("refresh_token") if isinstance(request.data, dict) else None
        token = token or request.COOKIES.get(REFRESH_COOKIE)
        if not token:
            raise InvalidInput("refresh_token is required.")
        tokens = services.tokens_refresh(refresh_token=str(token))
        body = {**tokens, "token_type": "bearer", "expires_in": settings.ACCESS_TOKEN_SECONDS}
        return _with_refresh_cookie(Response(body), tokens["refresh_token"])


class LogoutView(PublicAuthView):
    @extend_schema(request=s.LogoutInput, responses={204: None, 401: OpenApiResponse()}, tags=["auth"])
    def post(self, request):
        body_token = request.data.get("refresh_token") if isinstance(request.data, dict) else None
        presented = [str(t) for t in (request.COOKIES.get(REFRESH_COOKIE), body_token) if t]
        if not presented:
            raise InvalidInput("refresh_token is required (in the body or the refresh_token cookie).")
        services.tokens_revoke_any(refresh_tokens=presented)
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(REFRESH_COOKIE, path="/api/auth")
        return response


class MeView(APIView):
    scopes = ACCOUNT
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]

    @extend_schema(responses={200: s.UserOutput}, tags=["auth"])
    def get(self, request):
        return Response(s.UserOutput(request.user).data)


class MeUsageView(APIView):
    scopes = ACCOUNT
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]

    @extend_schema(responses={200: s.UsageOutput}, tags=["auth"])
    def get(self, request):
        summary = usage.usage_summary(user=request.user)
        return Response(s.usage_payload(request.user, summary, plan_rate(request.user)))


class ApiKeyListView(ListAPIView):
    """The caller's own keys. Keys cannot manage keys: this view declares no scopes."""

    permission_classes = [ApiKeyScopePermission, IsAuthenticated]
    serializer_class = s.ApiKeyOutput
    queryset = ApiKey.objects.none()  # for the schema; get_queryset() narrows to the caller
    envelope_key = "api_keys"

    def get_queryset(self):
        return keys.user_keys(self.request.user)

    @extend_schema(request=s.ApiKeyCreateInput, responses={201: s.ApiKeyCreatedOutput}, tags=["api-keys"])
    def post(self, request):
        data = validated_body(s.ApiKeyCreateInput, request)
        issued = keys.api_key_create(user=request.user, **data)
        return Response(s.issued_key_payload(issued), status=status.HTTP_201_CREATED)


class ApiKeyDetailView(APIView):
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]

    @extend_schema(responses={200: s.ApiKeyOutput}, tags=["api-keys"])
    def get(self, request, key_id):
        return Response(s.ApiKeyOutput(keys.user_key_get(user=request.user, key_id=key_id)).data)

    @extend_schema(responses={204: None}, tags=["api-keys"])
    def delete(self, request, key_id):
        keys.api_key_revoke(api_key=keys.user_key_get(user=request.user, key_id=key_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
