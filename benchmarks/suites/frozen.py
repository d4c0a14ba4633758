"""Published suite definitions frozen as JSON in the repo (`published/<key>.json`): circuits and their exact ideal
distributions, written once from the generators (`publish_benchmark_suites --freeze`). Publishing reads the frozen
file, so a published version means the same thing forever and loading the demo costs no simulation."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from benchmarks.suites.spec import CircuitSpec, ProblemSpec, SuiteSpec

DIRECTORY = Path(__file__).parent / "published"


def path_for(key: str) -> Path:
    return DIRECTORY / f"{key}.json"


def freeze(spec: SuiteSpec) -> Path:
    from benchmarks import scoring

    document = dataclasses.asdict(spec)
    for problem, frozen in zip(spec.problems, document["problems"], strict=True):
        frozen["ideal_distribution"] = scoring.problem_ideal(problem)
    path = path_for(spec.key)
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    return path


def load(key: str) -> tuple[SuiteSpec, dict[str, dict[str, float]]] | None:
    """The frozen definition and each problem's ideal distribution by name, or None when not frozen."""
    path = path_for(key)
    if not path.exists():
        return None
    document: dict[str, Any] = json.loads(path.read_text())
    ideals = {p["name"]: p.pop("ideal_distribution") for p in document["problems"]}
    problems = tuple(
        ProblemSpec(**{**p, "circuits": tuple(CircuitSpec(**c) for c in p["circuits"])}) for p in document["problems"]
    )
    spec = SuiteSpec(**{**document, "problems": problems, "backends": tuple(document["backends"])})
    return spec, ideals
