"""The one interface every sandbox implementation offers."""

from __future__ import annotations

import abc
import threading

from sandbox.capture import OutputListener
from sandbox.job import Job, JobResult


class Sandbox(abc.ABC):
    name: str = "sandbox"

    @abc.abstractmethod
    def run(
        self, job: Job, *, cancel_event: threading.Event | None = None, on_output: OutputListener | None = None
    ) -> JobResult:
        """Run job to its end, its timeout (status timeout) or cancel_event being set (status cancelled).

        on_output, if given, is called (from the thread that reads the job's pipes) with ("stdout" | "stderr", bytes)
        as output arrives.
        The job's whole process tree is gone when this returns.
        """
