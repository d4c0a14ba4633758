"""Files the browser tests upload."""

from pathlib import Path

MANIFEST = """[project]
name = "{name}"
title = "Bell pair"
type = "circuit"
framework = "qiskit"
entry_point = "circuit.py"
qubits = 2

[execution]
entry_function = "create_circuit"
default_shots = 256
"""
CIRCUIT = """from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc
"""
CSV = "angle,energy,method\n" + "".join(f"{i / 10},{-1 + i / 100},{'vqe' if i % 2 else 'fci'}\n" for i in range(40))


def circuit_files(folder: Path, name: str) -> list[str]:
    (folder / "qubithub.toml").write_text(MANIFEST.format(name=name))
    (folder / "circuit.py").write_text(CIRCUIT)
    return [str(folder / "qubithub.toml"), str(folder / "circuit.py")]


def csv_file(folder: Path) -> str:
    path = folder / "energies.csv"
    path.write_text(CSV)
    return str(path)
