"""Git smart HTTP: /{owner}/{name}.git/info/refs, git-upload-pack, git-receive-pack (with the real git client)."""

import base64
import shutil
import subprocess

import pytest

from accounts.services import tokens_issue
from circuits.git.repository import repository_path, repository_remove
from circuits.models import CircuitVersion
from circuits.tests.conftest import CIRCUIT_PY, make_circuit, publish

pytestmark = pytest.mark.django_db
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def info_refs(client, repo: str, service: str = "git-upload-pack", **headers):
    return client.get(f"/{repo}.git/info/refs", {"service": service}, **headers)


def basic(secret: str) -> dict:
    token = base64.b64encode(f"x-access-token:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_info_refs_of_a_public_circuit_advertises_main(client, bell):
    response = info_refs(client, "alice/bell")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-git-upload-pack-advertisement"
    assert response.content.startswith(b"001e# service=git-upload-pack\n0000")
    assert b"refs/heads/main" in response.content


def test_owner_and_name_are_case_insensitive(client, bell):
    assert info_refs(client, "Alice/Bell").status_code == 200


def test_a_missing_circuit_is_404(client, db):
    assert info_refs(client, "nobody/nothing").status_code == 404


def test_anonymous_on_a_private_circuit_gets_a_basic_challenge(client, secret):
    response = info_refs(client, "lab/secret")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")


@pytest.mark.parametrize(("username", "status"), [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_a_jwt_as_basic_password_reads_what_the_user_may_read(request, client, secret, username, status):
    token = tokens_issue(user=request.getfixturevalue(username))["access_token"]
    assert info_refs(client, "lab/secret", **basic(token)).status_code == status


@pytest.mark.parametrize(
    ("scopes", "service", "status"),
    [
        (["circuit:read"], "git-upload-pack", 200),
        (["circuit:read"], "git-receive-pack", 403),
        (["circuit:read", "circuit:write"], "git-receive-pack", 200),
        (["runs:submit"], "git-upload-pack", 403),
    ],
)
def test_an_api_key_as_basic_password_keeps_its_scopes(client, alice, secret, scopes, service, status):
    from accounts.keys import api_key_create

    key = api_key_create(user=alice, name="ci", scopes=scopes).plaintext
    assert info_refs(client, "lab/secret", service, **basic(key)).status_code == status


def test_a_revoked_api_key_is_a_challenge(client, alice, secret):
    from accounts.keys import api_key_create, api_key_revoke

    issued = api_key_create(user=alice, name="ci", scopes=["circuit:read"])
    api_key_revoke(api_key=issued.api_key)
    assert info_refs(client, "lab/secret", **basic(issued.plaintext)).status_code == 401


def test_a_bad_token_is_a_challenge(client, secret):
    assert info_refs(client, "lab/secret", **basic("not-a-token")).status_code == 401


def test_anonymous_push_is_challenged_even_on_a_public_circuit(client, bell):
    assert info_refs(client, "alice/bell", "git-receive-pack").status_code == 401


def test_push_needs_edit_rights(client, bell, charlie):
    token = tokens_issue(user=charlie)["access_token"]
    assert info_refs(client, "alice/bell", "git-receive-pack", **basic(token)).status_code == 403


def test_the_dumb_protocol_is_refused(client, bell):
    assert client.get("/alice/bell.git/info/refs").status_code == 403


def test_the_repository_is_rebuilt_with_the_same_hashes(client, alice, bell):
    publish(bell, alice, "second", **{"circuit.py": CIRCUIT_PY + b"# 2\n"})
    first = info_refs(client, "alice/bell").content
    repository_remove(circuit_id=bell.id)
    assert not repository_path(bell.id).exists()
    assert info_refs(client, "alice/bell").content == first


def test_a_new_version_moves_main(client, alice, bell):
    before = info_refs(client, "alice/bell").content
    publish(bell, alice, "second", **{"circuit.py": CIRCUIT_PY + b"# 2\n"})
    assert info_refs(client, "alice/bell").content != before


# --- the real git client against a live server ---------------------------------------------------------


def git(*args, cwd=None, env=None, check=True):
    full_env = {"GIT_TERMINAL_PROMPT": "0", "HOME": str(cwd or "."), "PATH": "/usr/bin:/bin", **(env or {})}
    result = subprocess.run(["git", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(result.stderr)
    return result


def url(live_server, repo: str, secret: str | None = None) -> str:
    host = live_server.url.split("://", 1)[1]
    return f"http://x-access-token:{secret}@{host}/{repo}.git" if secret else f"http://{host}/{repo}.git"


@needs_git
@pytest.mark.django_db(transaction=True)
def test_clone_gives_one_commit_per_version(live_server, tmp_path, alice):
    from circuits.services import circuit_create

    circuit = circuit_create(creator=alice, name="hist", title="Hist", framework="qiskit")
    publish(circuit, alice, "Initial upload")
    publish(circuit, alice, "Add a comment", **{"circuit.py": CIRCUIT_PY + b"# 2\n", "src/util.py": b"x = 1\n"})
    git("clone", "-q", url(live_server, "alice/hist"), "work", cwd=tmp_path)
    log = git("log", "--format=%s|%an", cwd=tmp_path / "work").stdout.splitlines()
    assert log == ["Add a comment|Alice", "Initial upload|Alice"]
    assert (tmp_path / "work" / "src" / "util.py").read_bytes() == b"x = 1\n"
    assert (tmp_path / "work" / "circuit.py").read_bytes().endswith(b"# 2\n")
    assert not (tmp_path / "work" / "metadata.json").exists()  # generated from qubithub.toml


@needs_git
@pytest.mark.django_db(transaction=True)
def test_push_creates_versions_and_keeps_the_pushed_hashes(live_server, tmp_path, alice):
    circuit = make_circuit(alice, "pushed")
    token = tokens_issue(user=alice)["access_token"]
    work = tmp_path / "work"
    git("clone", "-q", url(live_server, "alice/pushed", token), "work", cwd=tmp_path)
    ident = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@x"}
    (work / "circuit.py").write_bytes(CIRCUIT_PY + b"# pushed\n")
    (work / ".gitignore").write_text("metadata.json\n")
    git("add", ".", cwd=work)
    git("commit", "-q", "-m", "From git", cwd=work, env=ident)
    (work / "README.md").write_text("# Bell\n")
    git("add", ".", cwd=work)
    git("commit", "-q", "-m", "Readme", cwd=work, env=ident)
    git("push", "-q", "origin", "HEAD:main", cwd=work)
    versions = list(CircuitVersion.objects.filter(circuit=circuit).order_by("version_number"))
    assert [v.commit_message for v in versions] == ["Initial upload", "From git", "Readme"]
    assert {f.name for f in versions[-1].files.all()} >= {"README.md", ".gitignore", "circuit.py", "metadata.json"}
    local_head = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    remote = git("ls-remote", url(live_server, "alice/pushed"), "refs/heads/main", cwd=work).stdout.split()[0]
    assert remote == local_head
    repository_remove(circuit_id=circuit.id)  # rebuilt from the versions: same hash
    remote = git("ls-remote", url(live_server, "alice/pushed"), "refs/heads/main", cwd=work).stdout.split()[0]
    assert remote == local_head


@needs_git
@pytest.mark.django_db(transaction=True)
def test_a_push_with_a_bad_manifest_is_rejected_and_stores_nothing(live_server, tmp_path, alice):
    circuit = make_circuit(alice, "strict")
    token = tokens_issue(user=alice)["access_token"]
    work = tmp_path / "work"
    git("clone", "-q", url(live_server, "alice/strict", token), "work", cwd=tmp_path)
    (work / "qubithub.toml").write_text("this is [not toml")
    git(
        "commit",
        "-qam",
        "Break it",
        cwd=work,
        env={
            "GIT_AUTHOR_NAME": "A",
            "GIT_AUTHOR_EMAIL": "a@x",
            "GIT_COMMITTER_NAME": "A",
            "GIT_COMMITTER_EMAIL": "a@x",
        },
    )
    result = git("push", "origin", "HEAD:main", cwd=work, check=False)
    assert result.returncode != 0
    assert "not valid TOML" in result.stderr
    assert CircuitVersion.objects.filter(circuit=circuit).count() == 1


@needs_git
@pytest.mark.django_db(transaction=True)
def test_push_without_credentials_fails(live_server, tmp_path, alice):
    make_circuit(alice, "locked")
    git("clone", "-q", url(live_server, "alice/locked"), "work", cwd=tmp_path)
    result = git("push", "origin", "HEAD:main", cwd=tmp_path / "work", check=False)
    assert result.returncode != 0
