"""A production-mode stack for the load and fault tests, with its own processes and generous rate limits."""

import json
import urllib.request

from qubithub.testing.live import Stack

GENEROUS = {
    "QH_FREE_REQUESTS_PER_MINUTE": "10000000",
    "QH_ANON_REQUESTS_PER_MINUTE": "10000000",
    "QH_STAR_PER_MINUTE": "10000000",
    "QH_FORK_PER_MINUTE": "10000000",
    "QH_AUTH_ATTEMPTS_PER_MINUTE": "10000000",
    "QH_FREE_STORAGE_BYTES": str(50 * 1024**3),
    "QH_LOG_LEVEL": "WARNING",
}


def start(log_dir, media_root, *, worker_concurrency: int = 2, redis_url: str = "") -> Stack:
    env = {**GENEROUS, **({"REDIS_URL": redis_url, "CELERY_BROKER_URL": redis_url} if redis_url else {})}
    stack = Stack(log_dir=log_dir, media_root=media_root, env=env)
    stack.base_url = stack.start_web("web")
    stack.start_worker("worker", concurrency=worker_concurrency)
    stack.start_beat()
    return stack


def request(base: str, method: str, path: str, token: str, body=None, *, timeout: float = 30):
    """JSON (dict body) or one multipart "file" ((name, bytes) body); returns (status, parsed body)."""
    headers = {"Authorization": f"Bearer {token}"}
    data = None
    if isinstance(body, dict):
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    elif isinstance(body, tuple):
        boundary = "qhloadboundary"
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        data = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{body[0]}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + body[1]
            + f"\r\n--{boundary}--\r\n".encode()
        )
    call = urllib.request.Request(f"{base}{path}", method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None
