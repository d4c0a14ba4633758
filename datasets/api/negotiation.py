"""`?format=` on dataset endpoints is a dataset format (list filter, download conversion), not DRF's
renderer override; the API only speaks JSON, so negotiation always picks the JSON renderer."""

from rest_framework.negotiation import DefaultContentNegotiation


class FormatIsData(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        return super().select_renderer(request, renderers, format_suffix="json")
