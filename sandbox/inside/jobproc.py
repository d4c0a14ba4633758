"""One job forked from the zygote: a keeper process in fresh namespaces and the job itself as pid 1 inside them.

keeper: unshare user, mount and pid namespaces; map ids; fresh tmpfs on /job (and /tmp inside it); hide /proc;
write the input files; fork the job; wait; send back the output files; exit with the job's status.
job:    die with the keeper, own session, stdio on the capped pipes, not dumpable, rlimits, no capabilities, run.
"""

from __future__ import annotations

import os
import signal
from typing import Any, NoReturn

from sandbox.inside import body, confine, frames, workspace

JOB_DIR = body.JOB_DIR
SETUP_FAILED = 125


def keeper(job: dict[str, Any], stdio: tuple[int, int, int], ids: tuple[int, int], address_space_base: int) -> NoReturn:
    try:
        _enter_namespaces(ids, int(job["limits"]["disk_bytes"]))
        workspace.write_files(JOB_DIR, job.get("files", {}))
    except (OSError, ValueError) as error:
        frames.write_frame(stdio[2], {"type": "sandbox_error", "error": f"job setup failed: {error}"})
        os._exit(SETUP_FAILED)
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ready_r)
        _job(job, stdio, ready_w, address_space_base)
    os.close(ready_w)
    os.read(ready_r, 1)
    os.close(stdio[0])
    os.close(stdio[1])
    status = wait_status(pid)
    send_outputs(job, stdio[2])
    os._exit(status)


def _enter_namespaces(ids: tuple[int, int], disk_bytes: int) -> None:
    confine.unshare(confine.CLONE_NEWUSER | confine.CLONE_NEWNS | confine.CLONE_NEWPID)
    confine.map_ids(*ids)
    confine.mount("none", "/", None, confine.MS_REC | confine.MS_PRIVATE)
    flags = confine.MS_NOSUID | confine.MS_NODEV
    confine.mount("jobfs", JOB_DIR, "tmpfs", flags, f"size={disk_bytes},mode=0755")
    os.mkdir(f"{JOB_DIR}/.tmp", 0o1777)
    confine.mount(f"{JOB_DIR}/.tmp", "/tmp", None, confine.MS_BIND)
    confine.mount("noproc", "/proc", "tmpfs", flags | confine.MS_NOEXEC | confine.MS_RDONLY, "size=4k,mode=0555")


def _job(job: dict[str, Any], stdio: tuple[int, int, int], ready_w: int, address_space_base: int) -> NoReturn:
    try:
        confine.prctl(confine.PR_SET_PDEATHSIG, signal.SIGKILL)
        os.close(ready_w)
        os.setsid()
        _redirect(stdio)
        confine.prctl(confine.PR_SET_DUMPABLE, 0)
        confine.apply_rlimits(confine.rlimits_from(job["limits"], address_space_base))
        confine.drop_capabilities()
        os.chdir(JOB_DIR)
    except OSError as error:
        frames.write_frame(body.RESULT_FD, {"type": "sandbox_error", "error": f"job confinement failed: {error}"})
        os._exit(SETUP_FAILED)
    body.run_body(job)


def _redirect(stdio: tuple[int, int, int]) -> None:
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(stdio[0], 1)
    os.dup2(stdio[1], 2)
    os.dup2(stdio[2], body.RESULT_FD)
    os.closerange(body.RESULT_FD + 1, 1 << 16)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)


def wait_status(pid: int) -> int:
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except ChildProcessError:
            return SETUP_FAILED
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def send_outputs(job: dict[str, Any], result_fd: int) -> None:
    try:
        files = workspace.collect_outputs(JOB_DIR, int(job["limits"]["output_files_bytes"]))
        if files:
            frames.write_frame(result_fd, {"type": "files", "files": files})
    except OSError:
        pass
