"""Scoring finished runs (called by the runs-finished hook, in the worker): results against their problem's ideal,
and submissions' checks on the ideal simulator. Every write is conditional, so a repeated call does nothing."""

from django.utils import timezone

from benchmarks import scoring
from benchmarks.models import Result, ResultStatus, Submission, SubmissionStatus
from benchmarks.querysets import RANK_ORDER
from benchmarks.services.running import CHECK_THRESHOLD
from runs.models import Run, RunStatus

RUN_METRICS = (
    "depth_before",
    "depth",
    "two_qubit_gates_before",
    "two_qubit_gates",
    "transpilation_time_ms",
    "execution_time_ms",
    "wall_time_ms",
    "queue_time_ms",
)


def results_on_run_finished(run_id) -> None:
    for result in Result.objects.filter(run_id=run_id, status=ResultStatus.PENDING).select_related(
        "problem__suite", "run", "rerun_of__run"
    ):
        result_score(result=result)
    for submission in Submission.objects.filter(check_run_id=run_id, status=SubmissionStatus.CHECKING).select_related(
        "problem", "check_run"
    ):
        submission_check(submission=submission)


def result_score(*, result: Result) -> None:
    run = result.run
    if run is None or run.status != RunStatus.COMPLETED:
        return
    problem = result.problem
    counts = (run.results or {}).get("counts") or {}
    metrics = scoring.score(problem.ideal_distribution, counts, qubits=problem.qubits)
    metrics.update({key: run.metrics[key] for key in RUN_METRICS if key in (run.metrics or {})})
    if result.rerun_of is not None and result.rerun_of.run is not None:
        metrics["same_counts_as_original"] = counts == ((result.rerun_of.run.results or {}).get("counts") or {})
    metric = problem.suite.metric
    changed = Result.objects.filter(pk=result.pk, status=ResultStatus.PENDING).update(
        status=ResultStatus.SCORED,
        verified=True,
        ranked=result.submission_id is None,
        metrics=metrics,
        score=metrics[metric],
        score_lcb=metrics[f"{metric}_lcb"],
        scored_at=timezone.now(),
        calibration_snapshot=(run.metrics or {}).get("calibration_snapshot") or "",
    )
    if changed and result.submission_id is not None:
        accepted = Submission.objects.filter(pk=result.submission_id, status=SubmissionStatus.ACCEPTED).exists()
        if accepted:  # the check may have passed while this run was executing
            Result.objects.filter(pk=result.pk).update(ranked=True)
    if changed:
        personal_best_keep(Result.objects.get(pk=result.pk))


def personal_best_keep(result: Result) -> None:
    """A leaderboard lists each user's circuit version once per backend and shots: their best result. Running
    again (or re-running) adds a result, and only the better of the two stays ranked."""
    if not result.ranked:
        return
    same_entry = Result.objects.filter(
        problem_id=result.problem_id,
        user_id=result.user_id,
        circuit_version_id=result.circuit_version_id,
        reference_id=result.reference_id,
        backend_name=result.backend_name,
        shots=result.shots,
        ranked=True,
    )
    best = same_entry.order_by(*RANK_ORDER).values_list("pk", flat=True).first()
    same_entry.exclude(pk=best).update(ranked=False)


def submission_check(*, submission: Submission) -> None:
    run = submission.check_run
    if run is None or run.status != RunStatus.COMPLETED:
        return
    fidelity, problem_detail = _check_fidelity(submission, run)
    accepted = problem_detail is None and fidelity >= CHECK_THRESHOLD
    detail = problem_detail or (
        f"Hellinger fidelity {fidelity:.6f} to the ideal distribution on the ideal simulator "
        f"({'at least' if accepted else 'below'} {CHECK_THRESHOLD})."
    )
    changed = Submission.objects.filter(pk=submission.pk, status=SubmissionStatus.CHECKING).update(
        status=SubmissionStatus.ACCEPTED if accepted else SubmissionStatus.REFUSED,
        check_fidelity=fidelity,
        detail=detail,
        checked_at=timezone.now(),
    )
    if changed and accepted:
        Result.objects.filter(submission=submission, status=ResultStatus.SCORED).update(ranked=True)
        for result in Result.objects.filter(submission=submission, status=ResultStatus.SCORED):
            personal_best_keep(result)


def _check_fidelity(submission: Submission, run: Run) -> tuple[float, str | None]:
    problem = submission.problem
    vector = (run.results or {}).get("statevector")
    if vector:
        width = max(len(vector).bit_length() - 1, 0)
        if width != problem.qubits:
            return 0.0, f"The circuit acts on {width} qubits; problem '{problem.name}' has {problem.qubits}."
        measured = scoring.statevector_probabilities(vector)
    else:
        measured = scoring.probabilities((run.results or {}).get("counts") or {})
    return round(scoring.hellinger_fidelity(problem.ideal_distribution, measured), 6), None
