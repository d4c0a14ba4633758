"""One execution sees its own space's files only: not another space's, not an earlier execution's."""

import json

import pytest

from spaces.tests.conftest import execute, make_space

pytestmark = pytest.mark.django_db

LIST_EVERYTHING = """import json, os
seen = []
for root in ('/job', '/tmp'):
    for folder, _dirs, names in os.walk(root):
        seen += [os.path.join(folder, name) for name in names]
print(json.dumps(sorted(seen)))
"""


def seen(client, space) -> list[str]:
    body = execute(client, space, code=LIST_EVERYTHING).json()
    assert body["status"] == "success", body
    return [path for path in json.loads(body["output"]) if "__qubithub_snippet__" not in path]


def test_an_execution_sees_only_its_own_spaces_files(alice, alice_api, bell_space, secret_space):
    assert seen(alice_api, bell_space) == ["/job/bell.py"]
    assert seen(alice_api, secret_space) == ["/job/notes.txt"]


def test_an_execution_does_not_see_what_an_earlier_one_wrote(alice_api, bell_space):
    code = "open('/job/left.txt', 'w').write('x')\nopen('/tmp/left.txt', 'w').write('x')\nprint('ok')"
    assert execute(alice_api, bell_space, code=code).json()["output"] == "ok\n"
    assert seen(alice_api, bell_space) == ["/job/bell.py"]


def test_another_users_execution_cannot_read_a_private_spaces_files(alice, charlie, charlie_api, secret_space):
    space = make_space(charlie, "mine")
    code = (
        "import os\nfound = []\nfor folder, dirs, names in os.walk('/'):\n"
        "    skip = ('/usr', '/opt/venv', '/proc', '/sys', '/dev')\n"
        "    dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]\n"
        "    found += [os.path.join(folder, n) for n in names if n == 'notes.txt']\nprint(found)"
    )
    body = execute(charlie_api, space, code=code, timeout=60).json()
    assert body["output"] == "[]\n", body


def test_the_platforms_secrets_and_network_are_out_of_reach(alice_api, bell_space):
    code = (
        "import os, socket\nprint(sorted(k for k in os.environ if 'SECRET' in k or 'DATABASE' in k))\n"
        "s = socket.socket()\ns.settimeout(1)\n"
        "try:\n    s.connect(('127.0.0.1', 5432))\n    print('connected')\nexcept OSError:\n    print('no network')\n"
    )
    assert execute(alice_api, bell_space, code=code).json()["output"] == "[]\nno network\n"
