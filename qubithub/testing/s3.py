"""moto's standalone S3-compatible server on 127.0.0.1 for storage tests (a real HTTP endpoint, not a mock)."""

import os
import shutil
import subprocess
import sys
import urllib.request
from contextlib import contextmanager

from qubithub.testing.live import free_port, wait_for

ACCESS_KEY, SECRET_KEY, REGION = "qh-test-key", "qh-test-secret", "us-east-1"


def moto_available() -> bool:
    try:
        import moto.server  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def moto_server():
    """Yields the endpoint URL of a fresh moto server; stops it afterwards."""
    port = free_port()
    executable = shutil.which("moto_server", path=os.path.dirname(sys.executable)) or "moto_server"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).status == 200, what="moto")
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_storage_settings(endpoint: str, bucket: str) -> dict:
    """STORAGES["default"] exactly as qubithub.settings builds it from QH_S3_* variables."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_expire": 3600,
        },
    }


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY
    )
