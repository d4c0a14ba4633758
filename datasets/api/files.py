"""Dataset contents: versions (upload, list), preview, stats, query, download and conversion."""

from django.conf import settings
from django.core.files.storage import default_storage
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from datasets import formats, reading, selectors, services, uploads
from datasets.api import serializers as s
from datasets.api.negotiation import FormatIsData
from datasets.api.streaming import file_response, generated_response
from datasets.formats.tabular import parquet_csv_chunks
from datasets.querysets import versions_light
from datasets.storage import local_path
from orgs.access import require_editable
from qubithub.api.exceptions import InvalidInput
from qubithub.api.pagination import EnvelopePagination, page_params
from qubithub.api.parsing import validated_query
from qubithub.api.scopes import DATASETS

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "npy": "application/octet-stream",
    "hdf5": "application/x-hdf5",
}
UPLOAD_BODY = {
    "multipart/form-data": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
}


class VersionsView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData
    envelope_key = "versions"

    def get_permissions(self):
        return ([IsAuthenticated()] if self.request.method == "POST" else []) + super().get_permissions()

    @extend_schema(responses={200: s.DatasetVersionOutput(many=True)}, tags=["datasets"])
    def get(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        paginator = EnvelopePagination()
        page = paginator.paginate_queryset(versions_light().filter(dataset=dataset), request, self)
        return paginator.get_paginated_response(s.DatasetVersionOutput(page, many=True).data)

    @extend_schema(
        parameters=[OpenApiParameter("commit_message", str)],
        request=UPLOAD_BODY,
        responses={201: s.DatasetVersionOutput},
        tags=["datasets"],
    )
    def post(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        require_editable(request.user, dataset, what="dataset")
        uploads.install(request, max_bytes=settings.QH_DATASET_MAX_UPLOAD_BYTES)
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise InvalidInput("Send the dataset file as multipart/form-data field 'file'.")
        version = services.dataset_version_publish(
            dataset=dataset,
            author=request.user,
            uploaded=uploaded,
            commit_message=request.query_params.get("commit_message", ""),
        )
        version.refresh_from_db()
        return Response(s.DatasetVersionOutput(version).data, status=status.HTTP_201_CREATED)


class PreviewView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    @extend_schema(parameters=[s.PreviewQuery], responses={200: s.PreviewOutput}, tags=["datasets"])
    def get(self, request, dataset_id):
        query = validated_query(s.PreviewQuery, request)
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        version = selectors.version_get(dataset=dataset, number=query.get("version"))
        body = reading.version_preview(
            version=version, rows=query["rows"], offset=query["offset"], path=query.get("path")
        )
        return Response(body)


class StatsView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    @extend_schema(parameters=[OpenApiParameter("version", str)], responses={200: s.StatsOutput}, tags=["datasets"])
    def get(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        number = request.query_params.get("version")
        version = (
            selectors.version_get(dataset=dataset, number=number) if number else selectors.current_version(dataset)
        )
        return Response(reading.version_stats(dataset=dataset, version=version))


class QueryView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    @extend_schema(
        parameters=[
            OpenApiParameter("where", str, many=True, description="column:op:value (eq ne lt lte gt gte contains)"),
            OpenApiParameter("sort", str, many=True, description="column or -column"),
            OpenApiParameter("version", str),
            OpenApiParameter("page", int),
            OpenApiParameter("limit", int),
        ],
        responses={200: s.QueryOutput},
        tags=["datasets"],
    )
    def get(self, request, dataset_id):
        page, limit = page_params(request.query_params)
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        version = selectors.version_get(dataset=dataset, number=request.query_params.get("version"))
        params = request.query_params
        body = reading.version_query(
            version=version, where=params.getlist("where"), sort=params.getlist("sort"), page=page, limit=limit
        )
        return Response(body)


class DownloadView(APIView):
    scopes = DATASETS
    content_negotiation_class = FormatIsData

    @extend_schema(
        parameters=[OpenApiParameter("version", str), OpenApiParameter("format", str, enum=["csv", "parquet"])],
        responses={(200, "application/octet-stream"): bytes, (206, "application/octet-stream"): bytes},
        tags=["datasets"],
    )
    def get(self, request, dataset_id):
        dataset = selectors.dataset_get(user=request.user, dataset_id=dataset_id)
        version = selectors.version_get(dataset=dataset, number=request.query_params.get("version"))
        target = request.query_params.get("format") or dataset.format
        base = f"{dataset.name}-v{version.version_number}"
        if target == dataset.format:
            response, start = file_response(
                request,
                name=version.file_path,
                size=version.size_bytes,
                filename=f"{base}.{formats.EXTENSIONS[target]}",
                content_type=CONTENT_TYPES[target],
                etag=version.sha256,
            )
        elif target == "parquet":
            name = reading.tabular_name(version)
            response, start = file_response(
                request,
                name=name,
                size=default_storage.size(name),
                filename=f"{base}.parquet",
                content_type=CONTENT_TYPES["parquet"],
            )
        elif target == "csv":
            response, start = _csv_response(request, version, f"{base}.csv"), None
        else:
            raise InvalidInput("format must be csv or parquet (or the dataset's own format).")
        if response.status_code < 300 and not start:
            services.dataset_download_record(dataset=dataset)
        return response


def _csv_response(request, version, filename: str):
    name = reading.tabular_name(version)

    def chunks():
        with local_path(name, suffix=".parquet") as local:
            yield from parquet_csv_chunks(local)

    return generated_response(request, chunks=chunks(), filename=filename, content_type=CONTENT_TYPES["csv"])
