"""Entry of a one-shot sandbox (fresh bubblewrap or Docker container per job).

Reads the job (JSON) on stdin, drops to the sandbox uid if started as root, writes the files into /job,
forks the job with its rlimits, waits, sends back /job/out, and exits with the job's status.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, NoReturn

from sandbox.inside import body, confine, frames, jobproc, workspace

FRESH_INTERPRETER_ADDRESS_SPACE = 2 * 1024**3


def main(argv: list[str]) -> NoReturn:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uid", type=int, required=True)
    parser.add_argument("--gid", type=int, required=True)
    parser.add_argument("--result-fd", type=int)
    parser.add_argument("--result-file", help="instead of --result-fd (Docker)")
    parser.add_argument("--job-file", help="instead of stdin (Docker)")
    args = parser.parse_args(argv)
    confine.drop_to_user(args.uid, args.gid)
    confine.prctl(confine.PR_SET_DUMPABLE, 0)
    if args.result_file:
        args.result_fd = os.open(args.result_file, os.O_WRONLY | os.O_APPEND)
    job: dict[str, Any] = json.loads(_read_job(args.job_file))
    try:
        workspace.write_files(body.JOB_DIR, job.get("files", {}))
    except (OSError, ValueError) as error:
        frames.write_frame(args.result_fd, {"type": "sandbox_error", "error": f"job setup failed: {error}"})
        os._exit(jobproc.SETUP_FAILED)
    pid = os.fork()
    if pid == 0:
        _job(job, args.result_fd)
    status = jobproc.wait_status(pid)
    jobproc.send_outputs(job, args.result_fd)
    os._exit(status)


def _read_job(path: str | None) -> bytes:
    if path is None:
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _job(job: dict[str, Any], result_fd: int) -> NoReturn:
    os.setsid()
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(result_fd, body.RESULT_FD)
    os.closerange(body.RESULT_FD + 1, 1 << 16)
    confine.prctl(confine.PR_SET_DUMPABLE, 0)
    confine.apply_rlimits(confine.rlimits_from(job["limits"], FRESH_INTERPRETER_ADDRESS_SPACE))
    os.chdir(body.JOB_DIR)
    body.run_body(job)


if __name__ == "__main__":
    main(sys.argv[1:])
