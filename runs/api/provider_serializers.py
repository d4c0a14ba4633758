from rest_framework import serializers


class CredentialsInput(serializers.Serializer):
    """Write-only: accepted, encrypted, never returned."""

    token = serializers.CharField(max_length=4000, trim_whitespace=True)
    instance = serializers.CharField(max_length=500, required=False, allow_blank=True, allow_null=True, default="")
    organization_name = serializers.CharField(max_length=100, required=False, allow_blank=True, allow_null=True)


class CredentialsTarget(serializers.Serializer):
    organization_name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class ProviderOutput(serializers.Serializer):
    provider = serializers.CharField()
    name = serializers.CharField()
    installed = serializers.BooleanField()
    configured = serializers.BooleanField(help_text="Credentials apply to the caller (their own or an organization's).")
    user_configured = serializers.BooleanField()
    organizations = serializers.ListField(child=serializers.CharField())


class ProviderList(serializers.Serializer):
    providers = ProviderOutput(many=True)
