"""How a run's metrics read on its page: labels and units instead of raw keys, empty values left out."""

# key -> (label, unit); keys not listed read as words ("some_key" -> "Some key").
METRIC_LABELS = {
    "execution_time_ms": ("Execution time", "ms"),
    "transpilation_time_ms": ("Transpilation time", "ms"),
    "qubits": ("Qubits", ""),
    "depth_before": ("Circuit depth before transpiling", ""),
    "depth": ("Circuit depth as run", ""),
    "two_qubit_gates_before": ("Two-qubit gates before transpiling", ""),
    "two_qubit_gates": ("Two-qubit gates as run", ""),
    "shots": ("Shots", ""),
    "backend": ("Backend", ""),
    "seed": ("Random seed", ""),
    "calibration_snapshot": ("Calibration snapshot", ""),
}
# execution_time (seconds) repeats execution_time_ms.
HIDDEN = {"execution_time"}


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def metric_rows(metrics: dict | None) -> list[tuple[str, str]]:
    """[(label, value with unit)] in a stable order: the known metrics first, then any others by name."""
    metrics = metrics or {}
    known = [k for k in METRIC_LABELS if k in metrics]
    others = sorted(k for k in metrics if k not in METRIC_LABELS and k not in HIDDEN)
    seconds = metrics.get("execution_time")
    if "execution_time_ms" not in metrics and isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
        metrics = {**metrics, "execution_time_ms": seconds * 1000}
        known.insert(0, "execution_time_ms")
    rows = []
    for key in known + others:
        value = metrics[key]
        if value is None or value == "" or value == [] or value == {}:
            continue
        label, unit = METRIC_LABELS.get(key, (key.replace("_", " ").capitalize(), ""))
        rows.append((label, f"{_number(value)} {unit}".strip()))
    return rows
