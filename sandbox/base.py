"""The one interface every sandbox implementation offers."""

from __future__ import annotations

import abc
import threading

from sandbox.job import Job, JobResult


class Sandbox(abc.ABC):
    name: str = "sandbox"

    @abc.abstractmethod
    def run(self, job: Job, *, cancel_event: threading.Event | None = None) -> JobResult:
        """Run job to its end, its timeout (status timeout) or cancel_event being set (status cancelled).

        The job's whole process tree is gone when this returns.
        """
