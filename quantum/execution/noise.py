"""A device's noise model restricted to the physical qubits a circuit uses.

Aer's NoiseModel.from_backend covers every qubit of the device (seconds for 127 qubits); the same errors built only
for the used qubits take milliseconds. Readout errors, gate errors with thermal relaxation, as from_backend does.
"""

from __future__ import annotations

import warnings
from typing import Any


def _restricted_target(target: Any, used: set[int]) -> Any:
    from qiskit.transpiler import Target

    restricted = Target(num_qubits=target.num_qubits, dt=target.dt, qubit_properties=target.qubit_properties)
    for name in target.operation_names:
        properties = {qargs: props for qargs, props in target[name].items() if qargs is not None and set(qargs) <= used}
        if properties:
            restricted.add_instruction(target.operation_from_name(name), properties, name=name)
    return restricted


def noise_model_for(device: Any, used_qubits: list[int]) -> Any:
    from qiskit_aer.noise import NoiseModel
    from qiskit_aer.noise.device.models import basic_device_gate_errors, basic_device_readout_errors

    target = _restricted_target(device.target, set(used_qubits))
    model = NoiseModel(basis_gates=list(device.operation_names))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for qubits, error in basic_device_readout_errors(None, target=target):
            model.add_readout_error(error, qubits)
        for name, qubits, error in basic_device_gate_errors(None, target=target):
            model.add_quantum_error(error, name, qubits)
    return model
