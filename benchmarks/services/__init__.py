"""Every write on benchmarks. Import from here: `from benchmarks.services import benchmark_run`."""

from benchmarks.services.publishing import suite_publish
from benchmarks.services.running import benchmark_run, result_rerun, submission_create
from benchmarks.services.scoring import result_score, results_on_run_finished, submission_check

__all__ = [
    "benchmark_run",
    "result_rerun",
    "result_score",
    "results_on_run_finished",
    "submission_check",
    "submission_create",
    "suite_publish",
]
