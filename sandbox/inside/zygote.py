"""The warm zygote: runs inside a bubblewrap sandbox, imports the heavy libraries once, forks one keeper per job.

Control protocol on the inherited unix socket (length-prefixed JSON frames, see frames.py):
  host -> zygote  {"op": "run", "id", "job"} with three fds (stdout, stderr, result) as SCM_RIGHTS
                  {"op": "kill", "id"}
  zygote -> host  {"event": "ready", "preloaded", "failed"}, {"event": "started", "id"}, {"event": "exited", "id", "code"}
The zygote is single-threaded so that fork() is safe.
"""

from __future__ import annotations

import argparse
import importlib
import os
import selectors
import signal
import socket
import sys
from typing import Any

from sandbox.inside import confine, frames, jobproc


class Zygote:
    def __init__(self, control: socket.socket, ids: tuple[int, int]) -> None:
        self.control = control
        self.ids = ids
        self.buffer = b""
        self.fds: list[int] = []
        self.jobs: dict[int, str] = {}
        self.address_space_base = 0
        self.wake_r, self.wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)

    def send(self, message: dict[str, Any]) -> None:
        self.control.sendall(frames.encode(message))

    def serve(self) -> None:
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.set_wakeup_fd(self.wake_w)
        selector = selectors.DefaultSelector()
        selector.register(self.control, selectors.EVENT_READ, self.on_control)
        selector.register(self.wake_r, selectors.EVENT_READ, self.on_children)
        while True:
            for key, _ in selector.select():
                key.data()

    def on_control(self) -> None:
        data, fds, _flags, _addr = socket.recv_fds(self.control, 1 << 20, 16)
        if not data:
            os._exit(0)
        self.fds.extend(fds)
        self.buffer += data
        messages, consumed = frames.decode_all(self.buffer)
        self.buffer = self.buffer[consumed:]
        for message in messages:
            self.dispatch(message)

    def dispatch(self, message: dict[str, Any]) -> None:
        if message["op"] == "run":
            stdio = (self.fds.pop(0), self.fds.pop(0), self.fds.pop(0))
            self.start(message["id"], message["job"], stdio)
        elif message["op"] == "kill":
            self.kill(message["id"])

    def start(self, job_id: str, job: dict[str, Any], stdio: tuple[int, int, int]) -> None:
        pid = os.fork()
        if pid == 0:
            self.become_keeper()
            jobproc.keeper(job, stdio, self.ids, self.address_space_base)
        for fd in stdio:
            os.close(fd)
        self.jobs[pid] = job_id
        self.send({"event": "started", "id": job_id})

    def become_keeper(self) -> None:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for fd in (self.wake_r, self.wake_w, self.control.fileno(), *self.fds):
            os.close(fd)

    def kill(self, job_id: str) -> None:
        for pid, running_id in self.jobs.items():
            if running_id == job_id:
                os.kill(pid, signal.SIGKILL)

    def on_children(self) -> None:
        try:
            os.read(self.wake_r, 4096)
        except BlockingIOError:
            pass
        while self.jobs:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                return
            code = os.waitstatus_to_exitcode(status)
            self.send({"event": "exited", "id": self.jobs.pop(pid, ""), "code": code})


def preload(modules: list[str]) -> tuple[list[str], dict[str, str]]:
    loaded, failed = [], {}
    for name in modules:
        module_name, _, function_name = name.partition(":")
        try:
            module = importlib.import_module(module_name)
            if function_name:
                getattr(module, function_name)()
            loaded.append(name)
        except Exception as error:  # noqa: BLE001 - a missing optional library only loses speed
            failed[name] = f"{type(error).__name__}: {error}"
    return loaded, failed


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--control-fd", type=int, required=True)
    parser.add_argument("--uid", type=int, required=True)
    parser.add_argument("--gid", type=int, required=True)
    parser.add_argument("--preload", default="")
    args = parser.parse_args(argv)
    confine.drop_to_user(args.uid, args.gid)
    os.environ.update({"MPLCONFIGDIR": "/tmp", "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1", "HOME": "/tmp"})
    zygote = Zygote(socket.socket(fileno=args.control_fd), (args.uid, args.gid))
    loaded, failed = preload([name for name in args.preload.split(",") if name])
    zygote.address_space_base = confine.address_space_in_use()
    zygote.send({"event": "ready", "preloaded": loaded, "failed": failed, "address_space": zygote.address_space_base})
    zygote.serve()


if __name__ == "__main__":
    main(sys.argv[1:])
