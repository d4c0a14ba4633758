"""No network at all: no database, no Redis, no outside address, no DNS, only the loopback interface."""

from __future__ import annotations

import pytest

from sandbox import Status
from sandbox.tests.helpers import report, run_python

CONNECT = """
import json, socket
try:
    socket.create_connection(({host!r}, {port}), timeout=2).close()
    print(json.dumps("connected"))
except OSError as error:
    print(json.dumps(type(error).__name__))
"""


@pytest.mark.parametrize(("host", "port"), [("127.0.0.1", 5432), ("127.0.0.1", 6379), ("192.0.2.1", 80)])
def test_it_cannot_open_tcp_connections(sandbox, host, port):
    result = run_python(sandbox, CONNECT.format(host=host, port=port))
    assert result.status is Status.SUCCESS, result.stderr
    assert report(result) != "connected", f"ISOLATION BROKEN: connected to {host}:{port} from inside the sandbox"


def test_it_has_no_interface_but_loopback(sandbox):
    result = run_python(sandbox, "import json, socket; print(json.dumps([n for _, n in socket.if_nameindex()]))")
    assert report(result) == ["lo"], "ISOLATION BROKEN: the sandbox sees a network interface"


def test_it_cannot_resolve_host_names(sandbox):
    code = """
    import json, socket
    try:
        socket.getaddrinfo("pypi.org", 443)
        print(json.dumps("resolved"))
    except OSError as error:
        print(json.dumps(type(error).__name__))
    """
    assert report(run_python(sandbox, code)) != "resolved", "ISOLATION BROKEN: DNS resolution works inside"
