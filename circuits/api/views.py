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
from circuits.models import CircuitFile
from orgs.access import can_view, require_editable
from qubithub.api.exceptions import InvalidInput, NotFound
from qubithub.api.pagination import EnvelopePagination
from qubithub.api.parsing import validated_body
from qubithub.api.scopes import CIRCUITS


def _list_query(request) -> dict:
    data = {key: request.query_params.get(key) for key in request.query_params if key != "tags"}
    data["tags"] = request.query_params.getlist("tags") + request.query_params.getlist("tag")
    serializer = s.CircuitListQuery(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def paginated(request, view, queryset, serializer_class, key: str) -> Response:
    paginator = EnvelopePagination()
    view.envelope_key = key
    page = paginator.paginate_queryset(queryset, request, view)
    data = serializer_class(page, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


class CircuitListView(APIView):
    scopes = CIRCUITS
    envelope_key = "circuits"

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "POST" else []

    @extend_schema(parameters=[s.CircuitListQuery], responses={200: s.CircuitCard(many=True)}, tags=["circuits"])
    def get(self, request):
        queryset = selectors.circuit_list(user=request.user, filters=_list_query(request))
        return paginated(request, self, queryset, s.CircuitCard, "circuits")

    @extend_schema(request=s.CircuitCreateInput, responses={201: s.CircuitDetail}, tags=["circuits"])
    def post(self, request):
        data = validated_body(s.CircuitCreateInput, request)
        circuit = services.circuit_create(creator=request.user, **data)
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit.id)
        return Response(s.CircuitDetail(circuit).data, status=status.HTTP_201_CREATED)


class CircuitResolveView(APIView):
    scopes = CIRCUITS

    @extend_schema(
        parameters=[OpenApiParameter("repo_name", str, required=True)],
        responses={200: s.CircuitDetail},
        tags=["circuits"],
    )
    def get(self, request):
        circuit = selectors.circuit_resolve(user=request.user, repo_name=request.query_params.get("repo_name", ""))
        return Response(s.CircuitDetail(circuit).data)


class CircuitDetailView(APIView):
    scopes = CIRCUITS

    @extend_schema(responses={200: s.CircuitDetail}, tags=["circuits"])
    def get(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        return Response(s.CircuitDetail(circuit).data)


def _version_files(circuit, version_param: str | None):
    versions = list(circuit.versions.all())
    if not versions:
        return None, []
    if version_param in (None, "", "latest"):
        return versions[-1], list(versions[-1].files.all())
    number = version_param.lstrip("v")
    match = next((v for v in versions if str(v.version_number) == number), None)
    if match is None:
        raise NotFound(f"Version {version_param} of this circuit does not exist.")
    return match, list(match.files.all())


class CircuitFilesView(APIView):
    scopes = CIRCUITS

    @extend_schema(parameters=[OpenApiParameter("version", str)], responses={200: s.FilesOutput}, tags=["circuits"])
    def get(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        version, files = _version_files(circuit, request.query_params.get("version"))
        entries = [{"name": f.name, "path": f.path, "type": "file", "size": f.size} for f in files]
        return Response({"files": entries, "version": str(version.version_number) if version else None})


def _incoming(uploaded) -> services.IncomingFile:
    limit = settings.QH_MAX_UPLOAD_BYTES
    content = uploaded.read(limit + 1)
    return services.IncomingFile(name=uploaded.name or "", content=content)


class CircuitUploadView(APIView):
    scopes = CIRCUITS
    permission_classes = [IsAuthenticated]
    field = "file"

    @extend_schema(
        parameters=[OpenApiParameter("commit_message", str)],
        request={
            "multipart/form-data": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
        },
        responses={201: s.UploadOutput, 207: s.UploadOutput},
        tags=["circuits"],
    )
    def post(self, request, circuit_id):
        circuit = selectors.circuit_get(user=request.user, circuit_id=circuit_id)
        require_editable(request.user, circuit, what="circuit")
        uploads = request.FILES.getlist(self.field)
        if not uploads:
            raise InvalidInput(f"Send the file(s) as multipart/form-data field '{self.field}'.")
        version, errors = services.circuit_version_publish(
            circuit=circuit,
            author=request.user,
            files=[_incoming(u) for u in uploads],
            commit_message=request.query_params.get("commit_message", ""),
            max_bytes=settings.QH_MAX_UPLOAD_BYTES,
        )
        version = type(version).objects.prefetch_related("files").get(pk=version.pk)
        body = {
            "version": s.VersionOutput(version).data,
            "files": [{"name": f.name, "path": f.path, "type": "file", "size": f.size} for f in version.files.all()],
            "errors": errors,
        }
        return Response(body, status=207 if errors else status.HTTP_201_CREATED)


class CircuitUploadBatchView(CircuitUploadView):
    field = "files"


class FileDownloadView(APIView):
    scopes = CIRCUITS

    @extend_schema(responses={(200, "application/octet-stream"): bytes}, tags=["files"])
    def get(self, request, file_path):
        record = CircuitFile.objects.filter(path=file_path).select_related("version__circuit").first()
        if record is None or not can_view(request.user, record.version.circuit):
            raise NotFound("File not found.")
        try:
            handle = default_storage.open(record.path, "rb")
        except (FileNotFoundError, OSError):
            raise NotFound("File not found.") from None
        response = FileResponse(handle, content_type=record.content_type)
        response["Content-Disposition"] = f'inline; filename="{record.name.rsplit("/", 1)[-1]}"'
        response["Content-Length"] = str(record.size)
        return response
