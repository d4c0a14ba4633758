from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.api.serializers import ApiKeyCreateInput, ApiKeyOutput, issued_key_payload
from accounts.models import ApiKey
from orgs import selectors, services
from orgs.access import require_org_role, roles_of
from orgs.api import serializers as s
from orgs.models import Membership, Organization, Role
from qubithub.api.pagination import envelope, page_params
from qubithub.api.parsing import validated_body
from qubithub.api.permissions import ApiKeyScopePermission
from qubithub.api.scopes import ORGS

SIGNED_IN = [ApiKeyScopePermission, IsAuthenticated]


class OrgListView(ListAPIView):
    """The caller's organizations with their role; POST creates one with the caller as owner."""

    scopes = ORGS
    permission_classes = SIGNED_IN
    serializer_class = s.OrgOutput
    queryset = Organization.objects.none()  # for the schema; get_queryset() narrows to the caller
    envelope_key = "organizations"

    def get_queryset(self):
        return selectors.orgs_of(user=self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "roles": roles_of(self.request.user)}

    @extend_schema(request=s.OrgCreateInput, responses={201: s.OrgOutput}, tags=["orgs"])
    def post(self, request):
        organization = services.org_create(creator=request.user, **validated_body(s.OrgCreateInput, request))
        return Response(self.get_serializer(organization).data, status=status.HTTP_201_CREATED)


class OrgDetailView(GenericAPIView):
    scopes = ORGS
    permission_classes = SIGNED_IN
    serializer_class = s.OrgOutput

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "roles": roles_of(self.request.user)}

    @extend_schema(request=s.OrgUpdateInput, responses={200: s.OrgOutput}, tags=["orgs"])
    def patch(self, request, org_id):
        organization = selectors.org_get(org_id=org_id)
        require_org_role(request.user, organization, Role.ADMIN, action="edit the organization")
        changes = validated_body(s.OrgUpdateInput, request, partial=True)
        return Response(self.get_serializer(services.org_update(organization=organization, **changes)).data)

    @extend_schema(parameters=[OpenApiParameter("force", bool)], responses={204: None}, tags=["orgs"])
    def delete(self, request, org_id):
        organization = selectors.org_get(org_id=org_id)
        require_org_role(request.user, organization, Role.OWNER, action="delete the organization")
        services.org_delete(organization=organization, force=request.query_params.get("force") == "true")
        return Response(status=status.HTTP_204_NO_CONTENT)


class OrgProfileView(GenericAPIView):
    scopes = ORGS
    serializer_class = s.OrgProfileOutput

    @extend_schema(tags=["orgs"])
    def get(self, request, slug):
        organization = selectors.org_get_by_slug(slug=slug)
        return Response(self.get_serializer(selectors.org_profile(user=request.user, organization=organization)).data)


class OrgResourcesView(GenericAPIView):
    """An organization's circuits, datasets or spaces the caller may see; `kind` and `scopes` come from urls."""

    kind = "circuits"
    scopes = ORGS

    @extend_schema(parameters=[OpenApiParameter("sort", str)], responses={200: dict}, tags=["orgs"])
    def get(self, request, slug):
        self.envelope_key = self.kind
        organization = selectors.org_get_by_slug(slug=slug)
        queryset, card = selectors.org_resources(
            user=request.user, organization=organization, kind=self.kind, sort=request.query_params.get("sort")
        )
        if card is None:  # the app of this kind is not installed: nothing to list
            page, limit = page_params(request.query_params)
            return Response(envelope(self.kind, [], total=0, page=page, limit=limit))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(card(page, many=True, context=self.get_serializer_context()).data)


class OrgPublicMembersView(ListAPIView):
    scopes = ORGS
    serializer_class = s.PublicMemberOutput
    queryset = Membership.objects.none()  # for the schema
    envelope_key = "members"

    def get_queryset(self):
        return selectors.org_members(organization=selectors.org_get_by_slug(slug=self.kwargs["slug"]))


class OrgMembersView(ListAPIView):
    """Members with their emails, for members only; admins and owners add members."""

    scopes = ORGS
    permission_classes = SIGNED_IN
    serializer_class = s.MemberOutput
    queryset = Membership.objects.none()  # for the schema
    envelope_key = "members"

    def get_queryset(self):
        organization = selectors.org_get(org_id=self.kwargs["org_id"])
        require_org_role(self.request.user, organization, Role.MEMBER, action="see its members")
        return selectors.org_members(organization=organization)

    @extend_schema(request=s.MemberAddInput, responses={201: s.MemberOutput}, tags=["orgs"])
    def post(self, request, org_id):
        data = validated_body(s.MemberAddInput, request)
        organization = selectors.org_get(org_id=org_id)
        membership = services.org_member_add(actor=request.user, organization=organization, **data)
        return Response(self.get_serializer(membership).data, status=status.HTTP_201_CREATED)


class OrgMemberView(GenericAPIView):
    scopes = ORGS
    permission_classes = SIGNED_IN
    serializer_class = s.MemberOutput

    @extend_schema(request=s.MemberRoleInput, responses={200: s.MemberOutput}, tags=["orgs"])
    def patch(self, request, org_id, user_id):
        role = validated_body(s.MemberRoleInput, request)["role"]
        organization = selectors.org_get(org_id=org_id)
        membership = services.org_member_role_set(
            actor=request.user, organization=organization, user_id=user_id, role=role
        )
        return Response(self.get_serializer(membership).data)

    @extend_schema(responses={204: None}, tags=["orgs"])
    def delete(self, request, org_id, user_id):
        organization = selectors.org_get(org_id=org_id)
        services.org_member_remove(actor=request.user, organization=organization, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OrgKeysView(ListAPIView):
    """Organization API keys. Keys cannot manage keys: no `scopes`, so API keys are refused here."""

    permission_classes = SIGNED_IN
    serializer_class = ApiKeyOutput
    queryset = ApiKey.objects.none()  # for the schema
    envelope_key = "api_keys"

    def get_queryset(self):
        organization = selectors.org_get(org_id=self.kwargs["org_id"])
        require_org_role(self.request.user, organization, Role.MEMBER, action="see its API keys")
        return selectors.org_keys(organization=organization)

    @extend_schema(request=ApiKeyCreateInput, responses={201: dict}, tags=["orgs"])
    def post(self, request, org_id):
        data = validated_body(ApiKeyCreateInput, request)
        organization = selectors.org_get(org_id=org_id)
        issued = services.org_key_create(actor=request.user, organization=organization, **data)
        return Response(issued_key_payload(issued), status=status.HTTP_201_CREATED)


class OrgKeyView(GenericAPIView):
    permission_classes = SIGNED_IN

    @extend_schema(responses={204: None}, tags=["orgs"])
    def delete(self, request, org_id, key_id):
        organization = selectors.org_get(org_id=org_id)
        services.org_key_revoke(actor=request.user, organization=organization, key_id=key_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
