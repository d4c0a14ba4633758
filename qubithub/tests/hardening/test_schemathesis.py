"""Schemathesis against the served OpenAPI schema, as an authenticated user, on the production-mode stack:
no 5xx answers and every response matches the schema. Bounded: a few examples per operation, a time budget."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from accounts.services import tokens_issue
from conftest import make_user

pytestmark = [pytest.mark.services, pytest.mark.slow]
BUDGET_S = int(os.environ.get("QH_SCHEMATHESIS_SECONDS", "150"))
# Reported, not yet fixed by their owners: remove an entry once its operation matches the schema.
KNOWN_BAD: list[str] = []
# One worker: with two, schemathesis' own case generator crashes now and then on some operation (SystemError
# "AST constructor recursion depth mismatch" from ast.parse in hypothesis threads, CPython 3.11, gh-106905), a
# runtime error of the fuzzer, not of the server. Concurrent requests are covered by the load and faults tests.
WORKERS = "1"


def test_the_api_never_answers_5xx_and_matches_its_schema(on_live_stack, tmp_path):
    user = make_user("fuzzer")
    token = tokens_issue(user=user)["access_token"]
    executable = Path(sys.executable).with_name("schemathesis")
    command = [
        str(executable), "run", f"{on_live_stack.base_url}/api/schema",
        "--header", f"Authorization: Bearer {token}",
        "--checks", "not_a_server_error,response_schema_conformance",
        "--phases", "examples,coverage,fuzzing",
        "--max-examples", os.environ.get("QH_SCHEMATHESIS_EXAMPLES", "5"),
        "--max-time", str(BUDGET_S), "--workers", WORKERS, "--seed", "12", "--no-shrink",
        "--request-timeout", "30", "--report", "junit", "--report-dir", str(tmp_path),
        *[arg for path in KNOWN_BAD for arg in ("--exclude-path", path)],
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUDGET_S + 240, check=False)
    output = result.stdout + result.stderr
    summary = re.search(r"(\d+) generated, (\d+) found", output) or re.search(r"(\d+) generated", output)
    tested = re.search(r"Tested: (\d+)", output)
    print(f"\nschemathesis: {tested.group(1) if tested else '?'} operations, "
          f"{summary.group(0) if summary else 'no summary'}, exit {result.returncode}")  # fmt: skip
    failures = re.findall(r"^_{3,} (.+?) _{3,}$", output, flags=re.M)
    details = output[output.find("= FAILURES =") :][:12000] if "= FAILURES =" in output else output[-6000:]
    assert result.returncode == 0, f"failing operations: {failures}\n\n{details}"
