"""A PennyLane circuit as loaded: a QNode or quantum function, and the keyword arguments it is called with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quantum.errors import ParseError


@dataclass
class PennyLaneProgram:
    function: Any
    arguments: dict[str, Any] = field(default_factory=dict)
    argument_names: list[str] = field(default_factory=list)

    @property
    def is_qnode(self) -> bool:
        import pennylane as qml

        return isinstance(self.function, qml.QNode)

    @property
    def quantum_function(self) -> Any:
        return self.function.func if self.is_qnode else self.function

    def tape(self) -> Any:
        import pennylane as qml

        try:
            return qml.tape.make_qscript(self.quantum_function)(**self.arguments)
        except Exception as error:
            raise ParseError(f"the PennyLane circuit raised {type(error).__name__}: {error}") from error

    def to_openqasm(self, measure_all: bool) -> str:
        import pennylane as qml

        device = qml.device("default.qubit", wires=self.tape().wires)
        qnode = qml.QNode(self.quantum_function, device)
        try:
            return str(qml.to_openqasm(qnode, measure_all=measure_all)(**self.arguments))
        except Exception as error:
            raise ParseError(f"the PennyLane circuit cannot be converted to OpenQASM: {error}") from error

    def qnode_shots(self) -> int | None:
        if not self.is_qnode:
            return None
        shots = getattr(self.function, "shots", None)
        if shots is None:
            shots = getattr(getattr(self.function, "device", None), "shots", None)
        total = getattr(shots, "total_shots", shots)
        return int(total) if isinstance(total, int) else None
