"""Content-Security-Policy on every response that does not set its own (QH_CSP; empty turns it off)."""

from django.conf import settings

HEADER = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.QH_CSP and HEADER not in response:
            response[HEADER] = settings.QH_CSP
        return response
