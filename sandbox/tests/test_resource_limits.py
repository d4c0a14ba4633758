"""Limits hold: fork bombs, huge allocations, full disks, floods of output, endless jobs, leftover processes."""

from __future__ import annotations

import os
import threading
import time
import uuid

from sandbox import Limits, Status
from sandbox.limits import MiB
from sandbox.tests.helpers import report, run_python


def _host_processes_with(marker: str) -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if marker.encode() in handle.read():
                    found.append(pid)
        except OSError:
            continue
    return found


def test_a_fork_bomb_is_contained(sandbox):
    code = """
    import os, json
    children, failures = 0, 0
    for _ in range(5000):
        try:
            if os.fork() == 0:
                import time; time.sleep(30); os._exit(0)
            children += 1
        except OSError:
            failures += 1
    print(json.dumps({"children": children, "failures": failures}))
    """
    result = run_python(sandbox, code, limits=Limits(wall_s=15, processes=32))
    outcome = report(result)
    assert outcome["children"] < 64 and outcome["failures"] > 0, f"ISOLATION BROKEN: fork bomb not limited: {outcome}"
    assert run_python(sandbox, "print('{}')").status is Status.SUCCESS


def test_allocating_ten_gib_fails(sandbox):
    code = """
    import json
    try:
        block = bytearray(10 * 1024**3)
        print(json.dumps("allocated"))
    except MemoryError:
        print(json.dumps("MemoryError"))
    """
    result = run_python(sandbox, code)
    assert result.status is Status.SUCCESS and report(result) == "MemoryError", "ISOLATION BROKEN: 10 GiB allocated"


def test_filling_the_disk_stops_at_the_limit(sandbox):
    code = """
    import json, os
    written = 0
    try:
        with open("/job/fill", "wb") as handle:
            while written < 512 * 1024**2:
                handle.write(b"x" * 1024**2); handle.flush(); written += 1024**2
    except OSError as error:
        print(json.dumps({"written": written, "error": error.strerror}))
    else:
        print(json.dumps({"written": written, "error": None}))
    """
    outcome = report(run_python(sandbox, code, limits=Limits(wall_s=20, disk_bytes=32 * MiB)))
    assert outcome["error"] and outcome["written"] <= 32 * MiB, f"ISOLATION BROKEN: disk not capped: {outcome}"


def test_printing_100_mib_is_capped(sandbox):
    code = "import sys\nfor _ in range(100): sys.stdout.write('x' * 1024 * 1024)\n"
    result = run_python(sandbox, code, limits=Limits(wall_s=30))
    assert result.stdout_truncated and len(result.stdout) == Limits().output_bytes


def test_running_past_the_timeout_is_killed(sandbox):
    started = time.monotonic()
    result = run_python(sandbox, "import time\ntime.sleep(60)", limits=Limits(wall_s=1.5))
    assert result.status is Status.TIMEOUT
    assert time.monotonic() - started < 10


def test_spinning_the_cpu_is_stopped(sandbox):
    result = run_python(sandbox, "while True: pass", limits=Limits(wall_s=2))
    assert result.status is Status.TIMEOUT


def test_no_background_process_survives_the_job(sandbox):
    marker = f"qh-survivor-{uuid.uuid4().hex}"
    code = f"""
    import os, subprocess, sys
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "{marker}"], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.fork() == 0:
        os.setsid()
        os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(120)", "{marker}"])
    print("{{}}")
    """
    result = run_python(sandbox, code)
    assert result.status is Status.SUCCESS, result.stderr
    deadline = time.monotonic() + 5
    while _host_processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _host_processes_with(marker), "ISOLATION BROKEN: a background process outlived its job"


def test_a_cancelled_job_is_killed(sandbox):
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    result = run_python(sandbox, "import time\ntime.sleep(60)", cancel_event=cancel)
    assert result.status is Status.CANCELLED and time.monotonic() - started < 10


def test_concurrent_jobs_from_several_threads_stay_apart(sandbox):
    outcomes: dict[int, object] = {}

    def one(index: int) -> None:
        code = (
            f"import json, os; open('/job/me','w').write('{index}'); print(json.dumps([{index}, os.listdir('/job')]))"
        )
        outcomes[index] = report(run_python(sandbox, code))

    threads = [threading.Thread(target=one, args=(index,)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(
        outcomes[index][0] == index and sorted(outcomes[index][1]) in (["main.py", "me"], [".tmp", "main.py", "me"])
        for index in range(6)
    )
