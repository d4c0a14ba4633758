"""qubithub.toml: parse and validate the manifest, and generate metadata.json from it.

Plain Python (no Django). Unknown tables and keys are kept, never rejected.
"""

import json
import tomllib
from dataclasses import dataclass

FRAMEWORKS = ("qiskit", "pennylane", "cirq", "openqasm3")
REQUIRED_KEYS = ("name", "title", "type", "framework", "entry_point", "qubits")
DIFFICULTIES = ("beginner", "intermediate", "advanced")
MANIFEST_NAME = "qubithub.toml"
METADATA_NAME = "metadata.json"


class ManifestError(ValueError):
    """The manifest is not usable; the message says exactly what to fix."""


@dataclass(frozen=True)
class Manifest:
    data: dict

    @property
    def project(self) -> dict:
        return self.data["project"]

    @property
    def entry_point(self) -> str:
        return self.project["entry_point"]

    @property
    def entry_function(self) -> str | None:
        return self.data.get("execution", {}).get("entry_function")

    @property
    def warnings(self) -> list[str]:
        difficulty = self.project.get("difficulty")
        if difficulty is not None and difficulty not in DIFFICULTIES:
            return [f"[project].difficulty {difficulty!r} is not one of {', '.join(DIFFICULTIES)}."]
        return []


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise ManifestError(message)


def _check_types(project: dict, execution: dict) -> None:
    _expect(
        project["framework"] in FRAMEWORKS,
        f"[project].framework must be one of {', '.join(FRAMEWORKS)}, got {project['framework']!r}.",
    )
    qubits = project["qubits"]
    _expect(
        isinstance(qubits, int) and not isinstance(qubits, bool) and qubits >= 1,
        "[project].qubits must be an integer >= 1.",
    )
    for key in ("name", "title", "type", "entry_point"):
        _expect(
            isinstance(project[key], str) and project[key].strip() != "", f"[project].{key} must be a non-empty string."
        )
    for key in ("tags", "gates"):
        value = project.get(key, [])
        _expect(
            isinstance(value, list) and all(isinstance(v, str) for v in value),
            f"[project].{key} must be a list of strings.",
        )
    depth = project.get("depth")
    _expect(depth is None or (isinstance(depth, int) and depth >= 0), "[project].depth must be an integer >= 0.")
    _expect(
        not isinstance(project.get("framework_version", ""), (int, float)),
        '[project].framework_version must be a string, e.g. "1.3.0".',
    )
    shots = execution.get("default_shots")
    _expect(
        shots is None or (isinstance(shots, int) and 1 <= shots <= 100000),
        "[execution].default_shots must be an integer from 1 to 100000.",
    )
    entry_function = execution.get("entry_function")
    _expect(
        entry_function is None or (isinstance(entry_function, str) and entry_function.isidentifier()),
        "[execution].entry_function must be a Python identifier.",
    )


def parse_manifest(raw: bytes) -> Manifest:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ManifestError("qubithub.toml must be UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"qubithub.toml is not valid TOML: {exc}.") from None
    project = data.get("project")
    _expect(isinstance(project, dict), "qubithub.toml needs a [project] table.")
    missing = [key for key in REQUIRED_KEYS if key not in project]
    _expect(not missing, f"[project] is missing required key(s): {', '.join(missing)}.")
    execution = data.get("execution", {})
    _expect(isinstance(execution, dict), "[execution] must be a table.")
    _check_types(project, execution)
    return Manifest(data=data)


def metadata_json(manifest: Manifest) -> bytes:
    """The generated metadata.json: the manifest's content, flattened for legacy readers."""
    project = manifest.project
    document = {
        "schema_version": manifest.data.get("schema_version", "1.0.0"),
        **{key: value for key, value in project.items()},
        "execution": manifest.data.get("execution", {}),
        "generated_from": MANIFEST_NAME,
    }
    for table, value in manifest.data.items():
        if table not in ("project", "schema_version", "execution") and isinstance(value, dict):
            document[table] = value
    return (json.dumps(document, indent=2, sort_keys=True, default=str) + "\n").encode()
