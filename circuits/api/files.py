"""Circuit files: list a version's files, upload new versions, download one file."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from circuits import selectors, services
from circuits.api import serializers as s
from circuits.models import CircuitVersion
from circuits.uploads import (
    RelativePathMultiPartParser,
    incoming_files,
    install_limited_handler,
    refuse_oversized_request,
)
from orgs.access import require_editable
from qubithub.api.exceptions import InvalidInput, NotFound
from qubithub.api.permissions import ApiKeyScopePermission
from qubithub.api.scopes import CIRCUITS


def file_entries(files) -> list[dict]:
    return [{"name": f.name, "path": f.path, "type": "file", "size": f.size} for f in files]


def _version_files(circuit, version_param: str | None):
    versions = list(circuit.versions.all())
    if version_param in (None, "", "latest"):
        return (versions[-1], list(versions[-1].files.all())) if versions else (None, [])
    number = version_param.lstrip("v")
    if not number.isdigit():
        raise InvalidInput("version must be a version number such as 2 (or v2, or latest).")
    match = next((v for v in versions if v.version_number == int(number)), None)
    if match is None:
        raise NotFound(f"Version {version_param} of this circuit does not exist.")
    return match, list(match.files.all())


class CircuitFilesView(APIView):
    scopes = CIRCUITS

    @extend_schema(parameters=[OpenApiParameter("version", str)], responses={200: s.FilesOutput}, tags=["circuits"])
    def get(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        version, files = _version_files(circuit, request.query_params.get("version"))
        return Response({"files": file_entries(files), "version": str(version.version_number) if version else None})


UPLOAD_SCHEMA = {
    "multipart/form-data": {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        },
    }
}


class CircuitUploadView(APIView):
    """One multipart `file` becomes a new version (the previous files stay, overlaid)."""

    scopes = CIRCUITS
    permission_classes = [ApiKeyScopePermission, IsAuthenticated]
    parser_classes = [RelativePathMultiPartParser]
    field = "file"

    def request_limit(self) -> int:
        return settings.QH_MAX_UPLOAD_BYTES

    @extend_schema(
        parameters=[OpenApiParameter("commit_message", str)],
        request=UPLOAD_SCHEMA,
        responses={201: s.UploadOutput, 207: s.UploadOutput},
        tags=["circuits"],
    )
    def post(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        require_editable(request.user, circuit, what="circuit")
        refuse_oversized_request(request, limit=self.request_limit(), what=f"the '{self.field}' upload")
        handler = install_limited_handler(request, max_bytes=settings.QH_MAX_UPLOAD_BYTES)
        version, errors = services.circuit_version_publish(
            circuit=circuit,
            author=request.user,
            files=incoming_files(request, self.field, handler),
            commit_message=request.query_params.get("commit_message", ""),
            max_bytes=settings.QH_MAX_UPLOAD_BYTES,
        )
        version = CircuitVersion.objects.prefetch_related("files").get(pk=version.pk)
        body = {"version": s.VersionOutput(version).data, "files": file_entries(version.files.all()), "errors": errors}
        return Response(body, status=status.HTTP_207_MULTI_STATUS if errors else status.HTTP_201_CREATED)


class CircuitUploadBatchView(CircuitUploadView):
    """Several multipart `files` become one version; rejected files are listed with 207 Multi-Status."""

    field = "files"

    def request_limit(self) -> int:
        return settings.QH_MAX_UPLOAD_REQUEST_BYTES


class FileDownloadView(APIView):
    scopes = CIRCUITS

    @extend_schema(responses={(200, "application/octet-stream"): bytes}, tags=["files"])
    def get(self, request, file_path):
        record = selectors.circuit_file_get(user=request.user, path=file_path)
        try:
            handle = default_storage.open(record.path, "rb")
        except (FileNotFoundError, OSError):
            raise NotFound("File not found.") from None
        response = FileResponse(handle, content_type=record.content_type)
        response["Content-Disposition"] = f'inline; filename="{record.name.rsplit("/", 1)[-1]}"'
        response["Content-Length"] = str(record.size)
        return response
