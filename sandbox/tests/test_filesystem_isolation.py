"""The platform's code, settings, database, media and environment are invisible; only /job and /tmp are writable."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from sandbox import Status
from sandbox.tests.helpers import REPO_ROOT, report, run_python

READ = """
import json, sys
outcome = {}
for path in json.loads(sys.argv[1] if len(sys.argv) > 1 else open("paths.json").read()):
    try:
        with open(path, "rb") as handle:
            outcome[path] = "read %d bytes" % len(handle.read())
    except OSError as error:
        outcome[path] = type(error).__name__
print(json.dumps(outcome))
"""


@pytest.fixture(scope="module")
def secrets(tmp_path_factory):
    """Host files a job must not read: the checkout, a SQLite database, a media file."""
    base = tmp_path_factory.mktemp("platform")
    os.chmod(base, 0o755)
    database = base / "db.sqlite3"
    sqlite3.connect(database).execute("create table secret(value)").connection.commit()
    media = base / "media"
    media.mkdir()
    (media / "upload.bin").write_bytes(b"secret")
    for path in (database, media / "upload.bin"):
        os.chmod(path, 0o644)
    os.chmod(media, 0o755)
    return [
        str(REPO_ROOT / "manage.py"),
        str(REPO_ROOT / "qubithub" / "settings.py"),
        str(REPO_ROOT / "db.sqlite3"),
        str(REPO_ROOT / "media"),
        str(REPO_ROOT / ".env"),
        str(database),
        str(media / "upload.bin"),
        "/proc/1/environ",
        "/etc/shadow",
        "/root/.bash_history",
    ]


def test_the_secrets_exist_on_the_host(secrets):
    assert os.path.exists(secrets[0]) and os.path.exists(secrets[5]), "the test needs host files to look for"


def test_it_cannot_read_the_platforms_files(sandbox, secrets):
    result = run_python(sandbox, READ, files={"paths.json": json.dumps(secrets).encode()})
    outcome = report(result)
    leaked = {path: what for path, what in outcome.items() if what.startswith("read")}
    assert not leaked, f"ISOLATION BROKEN: the sandbox read {leaked}"


def test_it_does_not_see_the_hosts_environment(sandbox, monkeypatch):
    monkeypatch.setenv("QH_TEST_SECRET", "s3cret-value")
    result = run_python(sandbox, "import os, json; print(json.dumps(dict(os.environ)))")
    environment = report(result)
    assert "QH_TEST_SECRET" not in environment and "s3cret-value" not in json.dumps(environment)
    assert not any(key.startswith(("DATABASE", "REDIS", "DJANGO", "AWS", "SECRET")) for key in environment)


def test_it_runs_as_an_unprivileged_user(sandbox):
    assert report(run_python(sandbox, "import os, json; print(json.dumps([os.getuid(), os.geteuid()]))"))[0] != 0


def test_it_can_write_only_in_its_work_dir(sandbox):
    code = """
    import json
    outcome = {}
    for path in ["/job/ok.txt", "/tmp/ok.txt", "/usr/x", "/etc/x", "/opt/x", "/x", "/opt/venv/x", "/dev/x"]:
        try:
            open(path, "w").write("x")
            outcome[path] = "written"
        except OSError as error:
            outcome[path] = type(error).__name__
    print(json.dumps(outcome))
    """
    outcome = report(run_python(sandbox, code))
    assert outcome.pop("/job/ok.txt") == "written" and outcome.pop("/tmp/ok.txt") == "written"
    assert all(value != "written" for value in outcome.values()), f"ISOLATION BROKEN: wrote outside /job: {outcome}"


def test_it_returns_the_files_written_under_out(sandbox):
    result = run_python(sandbox, "import os; os.makedirs('out'); open('out/a.txt','w').write('hello'); print('{}')")
    assert result.status is Status.SUCCESS
    assert result.files == {"a.txt": b"hello"}
