"""Hardware providers: which exist and whether the caller has credentials; credentials are write-only.

Scopes: listing is `runs:read`; setting or deleting credentials is `org:admin` for API keys, because it changes
the account that pays the provider, which a key that may only submit runs must not do.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from qubithub.api.parsing import validated_body, validated_query
from qubithub.api.scopes import Scopes
from runs.api import provider_serializers as s
from runs.providers import services

PROVIDER_SCOPES = Scopes(read="runs:read", write="org:admin")


class ProviderListView(APIView):
    scopes = PROVIDER_SCOPES
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: s.ProviderList}, tags=["providers"])
    def get(self, request):
        return Response({"providers": services.providers_for(user=request.user)})


class ProviderCredentialsView(APIView):
    scopes = PROVIDER_SCOPES
    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.CredentialsInput, responses={204: None}, tags=["providers"])
    def put(self, request, provider):
        data = validated_body(s.CredentialsInput, request)
        services.provider_credentials_set(
            user=request.user,
            provider=provider,
            token=data["token"],
            instance=data.get("instance") or "",
            organization_name=data.get("organization_name") or None,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        parameters=[OpenApiParameter("organization_name", str, required=False)],
        responses={204: None},
        tags=["providers"],
    )
    def delete(self, request, provider):
        target = validated_query(s.CredentialsTarget, request)
        services.provider_credentials_delete(
            user=request.user, provider=provider, organization_name=target.get("organization_name") or None
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
