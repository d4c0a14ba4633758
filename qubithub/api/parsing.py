"""Shared request parsing for thin views: a serializer validates, a dict comes out."""

from qubithub.api.exceptions import InvalidInput


def validated_body(serializer_class, request, *, partial: bool = False, context: dict | None = None) -> dict:
    if not isinstance(request.data, dict):
        raise InvalidInput("The request body must be a JSON object.")
    serializer = serializer_class(data=request.data, partial=partial, context=context or {"request": request})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def validated_query(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
