"""Git smart HTTP at /{owner}/{name}.git/: info/refs, git-upload-pack (clone, fetch), git-receive-pack (push).

Who may do what is decided by orgs.access (can_view, can_edit), like everywhere else. Credentials are
HTTP Basic (user `x-access-token`, password a JWT or an API key) or a bearer token. An anonymous caller
who may not read gets a Basic challenge (401), so that git asks for credentials; a missing circuit is 404.
"""

import gzip
from io import BytesIO

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from dulwich.protocol import ReceivableProtocol
from dulwich.server import DictBackend, ReceivePackHandler, UploadPackHandler

from circuits.git.auth import GitCredentialsError, git_caller
from circuits.git.receive import PushRejected, versions_from_push
from circuits.git.repository import repository_lock, repository_sync
from circuits.models import Circuit
from orgs.access import can_edit, can_view

SERVICES = {"git-upload-pack": UploadPackHandler, "git-receive-pack": ReceivePackHandler}
WRITE_SERVICE = "git-receive-pack"


def _text(status: int, message: str, **headers) -> HttpResponse:
    response = HttpResponse(message.rstrip("\n") + "\n", status=status, content_type="text/plain; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _challenge(message: str = "Authentication required.") -> HttpResponse:
    return _text(401, message, WWW_Authenticate='Basic realm="QubitHub", charset="UTF-8"')


def _find(owner: str, name: str) -> Circuit | None:
    circuits = Circuit.objects.select_related("organization")
    return circuits.filter(organization__slug__iexact=owner, name__iexact=name).first()


def _refusal(circuit: Circuit | None, caller, service: str) -> HttpResponse | None:
    """None when the caller may use `service` on this circuit, else the answer to send."""
    write = service == WRITE_SERVICE
    visible = circuit is not None and can_view(caller.user, circuit)
    if caller.user is None and (write or (circuit is not None and not visible)):
        return _challenge()
    if circuit is None or not visible:
        return _text(404, "Repository not found.")
    needed = "circuit:write" if write else "circuit:read"
    if caller.scopes is not None and needed not in caller.scopes:
        return _text(403, f"This API key lacks the '{needed}' scope.")
    if write and not can_edit(caller.user, circuit):
        return _text(403, "You do not have permission to push to this circuit.")
    return None


def _request_body(request) -> bytes:
    body = request.read()  # a stream read: not bound by DATA_UPLOAD_MAX_MEMORY_SIZE, capped above
    if request.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    return body


def _run(handler_cls, repo, body: bytes, *, advertise: bool, on_push=None) -> bytes:
    out = BytesIO()
    proto = ReceivableProtocol(BytesIO(body).read, out.write)
    handler = handler_cls(DictBackend({"/": repo}), ["/"], proto, stateless_rpc=True, advertise_refs=advertise)
    if on_push is not None:
        handler._on_update = on_push
    handler.handle()
    return out.getvalue()


def _push_hook(circuit: Circuit, user, repo):
    def on_update(ref: bytes, old: bytes, new: bytes) -> bytes | None:
        try:
            versions_from_push(circuit=circuit, user=user, repo=repo, ref=ref, old=old, new=new)
        except PushRejected as exc:
            return str(exc).encode()
        return None

    return on_update


def _serve(circuit: Circuit, caller, service: str, body: bytes | None) -> HttpResponse:
    with repository_lock(circuit.id):
        repo = repository_sync(circuit)
        if body is None:
            prelude = b"%04x# service=%s\n0000" % (len(service) + 15, service.encode())
            payload = prelude + _run(SERVICES[service], repo, b"", advertise=True)
            kind = "advertisement"
        else:
            hook = _push_hook(circuit, caller.user, repo) if service == WRITE_SERVICE else None
            payload = _run(SERVICES[service], repo, body, advertise=False, on_push=hook)
            if hook is not None:
                repository_sync(circuit)
            kind = "result"
    response = HttpResponse(payload, content_type=f"application/x-{service}-{kind}")
    response["Cache-Control"] = "no-cache, max-age=0, must-revalidate"
    return response


@csrf_exempt
def git_endpoint(request, owner: str, name: str, path: str):
    if path == "info/refs":
        service = request.GET.get("service", "")
        if request.method != "GET":
            return _text(405, "Use GET for info/refs.")
    else:
        service = path
        if request.method != "POST":
            return _text(405, f"Use POST for {service}.")
        if request.content_type != f"application/x-{service}-request":
            return _text(415, f"Expected Content-Type application/x-{service}-request.")
    if service not in SERVICES:
        return _text(403, "Only the smart HTTP protocol (git-upload-pack, git-receive-pack) is supported.")
    try:
        caller = git_caller(request)
    except GitCredentialsError as exc:
        return _challenge(str(exc))
    circuit = _find(owner, name)
    refusal = _refusal(circuit, caller, service)
    if refusal is not None:
        return refusal
    if path != "info/refs" and int(request.META.get("CONTENT_LENGTH") or 0) > settings.QH_MAX_UPLOAD_REQUEST_BYTES:
        return _text(413, "This push is larger than the server accepts.")
    return _serve(circuit, caller, service, None if path == "info/refs" else _request_body(request))
