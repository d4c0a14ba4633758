"""Draw a loaded circuit as SVG (each framework's own drawer) or text."""

from __future__ import annotations

import io
from typing import Any

from quantum.errors import ParseError
from quantum.loading import Loaded

FORMATS = ("svg", "text")


def draw_loaded(loaded: Loaded, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ParseError(f"unknown drawing format {fmt!r}; use svg or text")
    drawers = {"qiskit": (_qiskit_svg, _qiskit_text), "cirq": (_cirq_svg, _cirq_text), "pennylane": (_pl_svg, _pl_text)}
    svg, text = drawers[loaded.framework]
    return svg(loaded.circuit) if fmt == "svg" else text(loaded.circuit)


def _figure_svg(figure: Any) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _qiskit_svg(circuit: Any) -> str:
    return _figure_svg(circuit.draw(output="mpl"))


def _qiskit_text(circuit: Any) -> str:
    return str(circuit.draw(output="text", fold=-1))


def _cirq_svg(circuit: Any) -> str:
    from cirq.contrib.svg import circuit_to_svg

    return circuit_to_svg(circuit)


def _cirq_text(circuit: Any) -> str:
    return str(circuit)


def _pl_svg(program: Any) -> str:
    import pennylane as qml

    figure, _axes = qml.draw_mpl(program.quantum_function)(**program.arguments)
    return _figure_svg(figure)


def _pl_text(program: Any) -> str:
    import pennylane as qml

    return str(qml.draw(program.quantum_function)(**program.arguments))
