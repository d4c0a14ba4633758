"""Bell (1024 shots) and a 20-qubit depth-20 random circuit: direct AerSimulator in-process vs through the sandbox
(cold one-shot bubblewrap, warm pool, Docker when available). Prints figures; asserts nothing.

    .venv/bin/python bench/bench_quantum.py [repeats]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BELL = b"""
from qiskit import QuantumCircuit
def create_circuit():
    qc = QuantumCircuit(2)
    qc.h(0); qc.cx(0, 1); qc.measure_all()
    return qc
"""
RANDOM = b"""
from qiskit.circuit.random import random_circuit
def create_circuit():
    return random_circuit(20, 20, measure=True, seed=11)
"""


def direct(source: bytes) -> Callable[[], object]:
    """In-process, no sandbox: the engine's own Aer path (transpiles only when Aer lacks an instruction)."""
    from quantum.execution.aer import run_ideal

    namespace: dict[str, object] = {}
    exec(compile(source, "circuit.py", "exec"), namespace)  # our own benchmark circuit, not user code

    def run() -> object:
        circuit = namespace["create_circuit"]()  # type: ignore[operator]
        return run_ideal(circuit, method="automatic", shots=1024, seed=None)[0]

    return run


def sandboxed(source: bytes, mode: str) -> Callable[[], object]:
    from quantum import api

    def run() -> object:
        os.environ["QH_SANDBOX_BACKEND"] = "docker" if mode == "docker" else "bubblewrap"
        os.environ["QH_SANDBOX_WARM_POOL"] = "1" if mode == "warm" else "0"
        return api.execute(
            files={"circuit.py": source},
            framework="qiskit",
            entry_point=None,
            entry_function=None,
            backend="qiskit_aer",
            shots=1024,
            parameters={},
            timeout_s=120,
        )

    return run


def measure(run: Callable[[], object], repeats: int) -> list[float]:
    run()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def line(label: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    p50, p90 = statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))]
    print(f"  {label:<28} p50 {p50:9.1f} ms   p90 {p90:9.1f} ms   (n={len(samples)})")
    return p50


def docker_ready() -> bool:
    try:
        from sandbox.docker.container import DockerSandbox

        DockerSandbox().check()
        return True
    except Exception:  # noqa: BLE001 - no engine: skip that line
        return False


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    modes = ["warm", "cold"] + (["docker"] if docker_ready() else [])
    for title, source, factor in (("Bell, 1024 shots", BELL, 1), ("20 qubits, depth 20, 1024 shots", RANDOM, 4)):
        print(title)
        base = line("direct AerSimulator", measure(direct(source), repeats))
        for mode in modes:
            count = max(3, repeats // (factor if mode == "warm" else 4 * factor))
            p50 = line(f"sandbox {mode}", measure(sandboxed(source, mode), count))
            print(f"  {'':<28} added {p50 - base:+.1f} ms ({(p50 - base) / base * 100:+.1f} %)")


if __name__ == "__main__":
    main()
