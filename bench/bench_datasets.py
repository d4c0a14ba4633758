"""Datasets at scale, against a real server (daphne, embedded mode) started on a scratch directory in /tmp.

Generates a CSV and a parquet file of --size-mb each, then for each: upload (peak RSS of the web process),
processing time and peak RSS (embedded mode processes in the web process's worker threads), preview latency
(p50/p90, first rows and deep offset), download throughput, and preview time against one pandas read.
Prints figures; asserts nothing. Everything it writes stays under --workdir (default /tmp/qh-bench-datasets).

    .venv/bin/python bench/bench_datasets.py                 # full size: 2048 MB each
    .venv/bin/python bench/bench_datasets.py --size-mb 256   # quicker
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import psutil
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import requests

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
LABELS = np.array(["bell", "ghz", "w", "cluster", "product"])


def batch(rows: int, start: int, rng: np.random.Generator) -> pa.RecordBatch:
    return pa.record_batch(
        {
            "shot": np.arange(start, start + rows, dtype=np.int64),
            "qubits": rng.integers(2, 64, rows),
            "bond_distance": rng.random(rows) * 3,
            "energy": rng.normal(-1.1, 0.05, rows),
            "fidelity": rng.random(rows),
            "label": LABELS[rng.integers(0, len(LABELS), rows)],
        }
    )


def make_csv(path: Path, size: int) -> None:
    rng, start = np.random.default_rng(7), 0
    with pacsv.CSVWriter(str(path), batch(1, 0, rng).schema) as writer:
        while path.stat().st_size < size:
            writer.write(batch(200_000, start, rng))
            start += 200_000


def make_parquet(path: Path, size: int) -> None:
    rng, start = np.random.default_rng(7), 0
    with pq.ParquetWriter(str(path), batch(1, 0, rng).schema, compression="snappy") as writer:
        while not path.exists() or path.stat().st_size < size:
            writer.write_batch(batch(1_000_000, start, rng), row_group_size=1_000_000)
            start += 1_000_000


class Multipart:
    """A multipart/form-data body read from disk in blocks, with a known length (no chunked encoding)."""

    def __init__(self, path: Path, boundary: str = "qhbenchboundary") -> None:
        self.content_type = f"multipart/form-data; boundary={boundary}"
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        self.parts = [
            (head + "Content-Type: application/octet-stream\r\n\r\n").encode(),
            None,
            f"\r\n--{boundary}--\r\n".encode(),
        ]
        self.file = open(path, "rb")  # noqa: SIM115
        self.length = len(self.parts[0]) + path.stat().st_size + len(self.parts[2])
        self.stage = 0

    def __len__(self) -> int:
        return self.length

    def read(self, size: int = -1) -> bytes:
        size = 8 * MB if size is None or size < 0 else max(size, 1 * MB)
        while self.stage < 3:
            part = self.parts[self.stage]
            if part is None:
                chunk = self.file.read(size)
                if chunk:
                    return chunk
            elif part:
                self.parts[self.stage] = b""
                return part
            self.stage += 1
        return b""


class PeakRss:
    def __init__(self, pid: int) -> None:
        self.process, self.peak, self.running = psutil.Process(pid), 0, True
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def __enter__(self):
        self.peak = self.process.memory_info().rss
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        self.thread.join()


def start_server(workdir: Path, port: int, max_upload: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "QH_VAR_DIR": str(workdir / "var"),
        "PORT": str(port),
        "QH_DATASET_MAX_UPLOAD_BYTES": str(max_upload),
    }
    env.update(QH_FREE_STORAGE_BYTES=str(50 * 1024 * MB), QH_FREE_REQUESTS_PER_MINUTE="100000")
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen([str(ROOT / "qh"), "start"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).raise_for_status()
            return server
        except requests.RequestException:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"server did not start; see {workdir / 'server.log'}")


def percentile(values: list[float], q: float) -> float:
    return sorted(values)[min(int(len(values) * q), len(values) - 1)]


def timed_get(session, url, params=None) -> float:
    started = time.perf_counter()
    response = session.get(url, params=params)
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def daphne_upload(session, api: str, pid: int, path: Path) -> dict:
    """The same upload through the real server: daphne queues the whole body in memory before Django reads it."""
    created = session.post(
        f"{api}/datasets", json={"name": f"daphne-{int(time.time())}", "title": "b", "format": "csv"}
    )
    body = Multipart(path)
    before = psutil.Process(pid).memory_info().rss
    with PeakRss(pid) as peak:
        started = time.perf_counter()
        response = session.post(
            f"{api}/datasets/{created.json()['id']}/versions", data=body, headers={"Content-Type": body.content_type}
        )
    assert response.status_code == 201, response.text
    return {
        "daphne_upload_file_mb": path.stat().st_size / MB,
        "daphne_rss_before_mb": before / MB,
        "daphne_upload_peak_rss_mb": peak.peak / MB,
        "daphne_upload_s": time.perf_counter() - started,
    }


def read_figures(session, api: str, dataset: str, path: Path) -> dict:
    total = session.get(f"{api}/datasets/{dataset}").json()["latest_version"]["total_rows"]
    url = f"{api}/datasets/{dataset}/preview"
    first = [timed_get(session, url, {"rows": 100}) for _ in range(50)]
    deep = [timed_get(session, url, {"rows": 100, "offset": total // 2}) for _ in range(10)]
    query_params = {"where": "label:eq:ghz", "sort": "-energy", "limit": 20}
    query = [timed_get(session, f"{api}/datasets/{dataset}/query", query_params) for _ in range(3)]
    out = {"preview_p50_ms": statistics.median(first), "preview_p90_ms": percentile(first, 0.9)}
    out.update(deep_offset_preview_p50_ms=statistics.median(deep), query_p50_ms=statistics.median(query))
    started, received = time.perf_counter(), 0
    with session.get(f"{api}/datasets/{dataset}/download", stream=True) as download:
        for chunk in download.iter_content(chunk_size=4 * MB):
            received += len(chunk)
    out["download_mb_s"] = received / MB / (time.perf_counter() - started)
    assert received == path.stat().st_size
    return out


def show(title: str, figures: dict) -> None:
    print(f"\n== {title} ==")
    for key, value in figures.items():
        print(f"  {key:32} {value:,.2f}" if isinstance(value, float) else f"  {key:32} {value}")


def pandas_seconds(fmt: str, path: Path) -> float:
    read = f"pd.read_{fmt}({str(path)!r})"
    code = f"import pandas as pd, time; t = time.perf_counter(); {read}; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def asgi_upload(path: Path, fmt: str, var_dir: Path) -> None:
    """In this process: Django's ASGI handler fed by a server that reads the body on demand (backpressure),
    so the peak RSS is what QubitHub itself needs to take the upload, without daphne's buffering."""
    import asyncio

    os.environ.update(QH_VAR_DIR=str(var_dir), QH_DATASET_MAX_UPLOAD_BYTES=str(path.stat().st_size + 64 * MB))
    os.environ.update(QH_FREE_STORAGE_BYTES=str(50 * 1024 * MB), DJANGO_SETTINGS_MODULE="qubithub.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from accounts.services import tokens_issue
    from datasets import services
    from qubithub.asgi import application
    from qubithub.demo import demo_user

    services.versions.version_schedule = lambda version_id: None  # upload only: processing is measured apart
    user = demo_user()
    dataset = services.dataset_create(creator=user, name=f"asgi-{fmt}-{int(time.time())}", title="b", format=fmt)
    body = Multipart(path)
    headers = [
        (b"authorization", f"Bearer {tokens_issue(user=user)['access_token']}".encode()),
        (b"content-type", body.content_type.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"host", b"127.0.0.1"),
    ]
    scope = {
        "type": "http",
        "method": "POST",
        "path": f"/api/datasets/{dataset.id}/versions",
        "raw_path": b"",
        "query_string": b"",
        "headers": headers,
        "http_version": "1.1",
        "scheme": "http",
        "root_path": "",
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "asgi": {"version": "3.0"},
    }
    status: list[int] = []

    finished = []

    async def receive():
        if finished:
            await asyncio.Event().wait()  # the client stays connected until the response is sent
        chunk = body.read(64 * 1024)
        if not chunk:
            finished.append(True)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunk)}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    baseline = psutil.Process().memory_info().rss
    with PeakRss(os.getpid()) as peak:
        started = time.perf_counter()
        asyncio.run(application(scope, receive, send))
    print(f"{status[0]} {baseline / MB:.1f} {peak.peak / MB:.1f} {time.perf_counter() - started:.2f} {dataset.id}")


def process_in_worker(dataset_id: str, var_dir: Path) -> None:
    """In this process, as a Celery worker would: process the dataset's version; print time and peak RSS."""
    os.environ.update(QH_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="qubithub.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from datasets.models import DatasetVersion
    from datasets.services import dataset_version_process

    version = DatasetVersion.objects.get(dataset_id=dataset_id)
    baseline = psutil.Process().memory_info().rss
    with PeakRss(os.getpid()) as peak:
        started = time.perf_counter()
        state = dataset_version_process(version_id=version.id)
    version.refresh_from_db()
    seconds = time.perf_counter() - started
    print(
        f"{state} {baseline / MB:.1f} {peak.peak / MB:.1f} {seconds:.2f} {version.total_rows} {version.error_message!r}"
    )


def measure_asgi_upload(path: Path, fmt: str, workdir: Path) -> dict:
    command = [sys.executable, __file__, "--asgi-upload", str(path), "--fmt", fmt, "--workdir", str(workdir)]
    line = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip().splitlines()[-1]
    status, baseline, peak, seconds, dataset_id = line.split()
    return {
        "upload_status": int(status),
        "upload_rss_before_mb": float(baseline),
        "upload_peak_rss_mb": float(peak),
        "upload_s": float(seconds),
        "dataset_id": dataset_id,
    }


def measure_processing(dataset_id: str, workdir: Path) -> dict:
    command = [sys.executable, __file__, "--process", dataset_id, "--workdir", str(workdir)]
    line = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip().splitlines()[-1]
    state, baseline, peak, seconds, rows, error = line.split(" ", 5)
    return {
        "processing_state": state,
        "processing_rss_before_mb": float(baseline),
        "processing_peak_rss_mb": float(peak),
        "processing_s": float(seconds),
        "total_rows": rows,
        "error": error,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--port", type=int, default=8191)
    parser.add_argument("--workdir", default="/tmp/qh-bench-datasets")
    parser.add_argument("--keep", action="store_true", help="keep the generated files and server data")
    parser.add_argument(
        "--skip-daphne", action="store_true", help="skip the full-server run (daphne holds uploads in RAM)"
    )
    parser.add_argument("--asgi-upload", help=argparse.SUPPRESS)
    parser.add_argument("--fmt", help=argparse.SUPPRESS)
    parser.add_argument("--process", help=argparse.SUPPRESS)
    parser.add_argument("--daphne-upload-mb", type=int, default=64, help="size of the upload sent through daphne")
    args = parser.parse_args()
    if args.asgi_upload:
        return asgi_upload(Path(args.asgi_upload), args.fmt, Path(args.workdir) / "var")
    if args.process:
        return process_in_worker(args.process, Path(args.workdir) / "var")
    workdir = Path(args.workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    files = {"csv": workdir / "bench.csv", "parquet": workdir / "bench.parquet"}
    size = args.size_mb * MB
    for fmt, maker in (("csv", make_csv), ("parquet", make_parquet)):
        started = time.perf_counter()
        maker(files[fmt], size)
        print(f"generated {fmt}: {files[fmt].stat().st_size / MB:,.0f} MB in {time.perf_counter() - started:.1f} s")
    datasets = {}
    for fmt, path in files.items():
        upload = measure_asgi_upload(path, fmt, workdir)
        datasets[fmt] = upload.pop("dataset_id")
        show(f"{fmt}: upload through Django's ASGI handler fed on demand (a streaming server)", upload)
        show(f"{fmt}: processing in a worker process", measure_processing(datasets[fmt], workdir))
    if args.skip_daphne:
        return
    small = workdir / "daphne-upload.csv"
    make_csv(small, args.daphne_upload_mb * MB)
    server = start_server(workdir, args.port, max_upload=2 * size + 64 * MB)
    try:
        api = f"http://127.0.0.1:{args.port}/api"
        session = requests.Session()
        token = session.post(f"{api}/auth/login", json={"identifier": "demo", "password": "quantum-demo"}).json()
        session.headers["Authorization"] = f"Bearer {token['access_token']}"
        family = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        daphne = next(p for p in family if "daphne" in " ".join(p.cmdline()))
        for fmt, path in files.items():
            figures = read_figures(session, api, datasets[fmt], path)
            figures["pandas_read_s"] = pandas_seconds(fmt, path)
            figures["pandas_over_preview_ratio"] = figures["pandas_read_s"] * 1000 / figures["preview_p50_ms"]
            show(f"{fmt}: served by daphne", figures)
        show("csv: upload through daphne itself", daphne_upload(session, api, daphne.pid, small))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
