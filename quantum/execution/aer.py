"""Run on Qiskit Aer: ideal methods untranspiled when Aer supports every instruction, or a noisy device emulation
transpiled to the device's target with a noise model built for the qubits the circuit uses.

Aer sizes itself to the host's RAM; inside the sandbox the job's memory limit is what counts, so it is told that
limit (memory_mb) and the emulation method is chosen here rather than by Aer."""

from __future__ import annotations

import os
import time
from typing import Any

from quantum.errors import ResourceLimit
from quantum.execution import results

ALWAYS_SUPPORTED = {"measure", "barrier", "reset", "delay"}
DEFAULT_MEMORY_MB = 2048
MIB = 1024 * 1024
AMPLITUDE_BYTES = 16
THREAD_MB = 256  # an OpenMP thread's stack and malloc arena are address space counted against the job's limit


def simulator_options(memory_mb: int) -> dict[str, int]:
    """Half of the job's limit for quantum states (the rest holds Python, Qiskit and the device), and no more threads
    than the limit can carry: Aer then refuses a state that cannot fit with a clear error instead of failing mid-run."""
    threads = max(1, min(os.cpu_count() or 1, memory_mb // THREAD_MB))
    return {"max_memory_mb": max(1, memory_mb // 2), "max_parallel_threads": threads}


def emulation_method(qubits: int, shots: int, memory_mb: int) -> str:
    """density_matrix (16 * 4^n bytes, whatever the shots) when it fits in a quarter of the limit and the shots are
    many enough that one exact noisy state beats one noisy trajectory per shot (10 qubits, 1024 shots: about 3 s
    against 20 s); statevector trajectories (16 * 2^n bytes per parallel shot) otherwise.

    Aer's own choice (a density matrix as soon as shots > 2^n) ignores the job's limit: 13 qubits with 10,000 shots
    asked for a 1 GiB density matrix and failed where 1,000 shots ran."""
    fits = AMPLITUDE_BYTES * 4**qubits <= memory_mb * MIB // 4
    return "density_matrix" if fits and shots * 4 >= 2**qubits else "statevector"


def prepare(circuit: Any) -> Any:
    """A copy with measurements on every qubit when the circuit measures nothing."""
    if any(i.operation.name == "measure" for i in circuit.data):
        return circuit
    measured = circuit.copy()
    measured.measure_all()
    return measured


def _needs_transpile(simulator: Any, circuit: Any) -> bool:
    supported = set(simulator.configuration().basis_gates) | ALWAYS_SUPPORTED
    return any(i.operation.name not in supported for i in circuit.data)


def run_ideal(
    circuit: Any, *, method: str, shots: int, seed: int | None, memory_mb: int = DEFAULT_MEMORY_MB
) -> tuple[dict[str, int], float, float, Any]:
    from qiskit import transpile
    from qiskit_aer import AerSimulator

    simulator = AerSimulator(method=method, seed_simulator=seed, **simulator_options(memory_mb))
    circuit = prepare(circuit)
    started = time.perf_counter()
    if _needs_transpile(simulator, circuit):
        circuit = transpile(circuit, simulator, optimization_level=0)
    transpiled = time.perf_counter() - started
    counts, executed = _run(simulator, circuit, shots)
    return counts, executed, transpiled, circuit


def _run(simulator: Any, circuit: Any, shots: int) -> tuple[dict[str, int], float]:
    started = time.perf_counter()
    result = simulator.run(circuit, shots=shots).result()
    elapsed = time.perf_counter() - started
    if not result.success:
        _raise_failure(
            str(getattr(result, "status", "")) + " " + str(result.results[0].status if result.results else "")
        )
    return results.qiskit_counts(result.get_counts()), elapsed


def _raise_failure(status: str) -> None:
    if "memory" in status.lower():
        raise ResourceLimit(
            f"the simulation needs more memory than allowed ({status.strip()}); use fewer qubits or aer_mps"
        )
    raise ResourceLimit(f"the simulator could not run the circuit: {status.strip()}")


def run_emulation(
    circuit: Any, *, device: Any, shots: int, seed: int | None, memory_mb: int = DEFAULT_MEMORY_MB
) -> tuple[dict[str, int], float, float, Any]:
    from qiskit import transpile
    from qiskit_aer import AerSimulator

    from quantum.execution.noise import noise_model_for

    circuit = prepare(circuit)
    started = time.perf_counter()
    mapped = transpile(circuit, backend=device, optimization_level=1, seed_transpiler=seed)
    transpiled = time.perf_counter() - started
    used = sorted({mapped.find_bit(q).index for i in mapped.data for q in i.qubits})
    simulator = AerSimulator(
        method=emulation_method(len(used), shots, memory_mb),
        noise_model=noise_model_for(device, used),
        seed_simulator=seed,
        **simulator_options(memory_mb),
    )
    counts, executed = _run(simulator, mapped, shots)
    return counts, executed, transpiled, mapped


def circuit_facts(logical: Any, ran: Any, *, seed: int | None, device: Any = None) -> dict[str, Any]:
    """What a benchmark needs to compare runs: depth and multi-qubit gate count before and after transpiling to the
    backend (`depth` itself is after), the seed, and for an emulated device its calibration snapshot."""
    facts: dict[str, Any] = {
        "depth_before": prepare(logical).depth(),
        "two_qubit_gates_before": logical.num_nonlocal_gates(),
        "two_qubit_gates": ran.num_nonlocal_gates(),
        "seed": seed,
    }
    if device is not None:
        from quantum.backends.calibration import snapshot_id

        facts["calibration_snapshot"] = snapshot_id(device)
    return facts
