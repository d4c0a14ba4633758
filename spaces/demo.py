"""The public demo space: Qiskit's Bell example under the curated organization (idempotent)."""

from spaces.models import Space
from spaces.services import space_create, space_files_save

BELL_PY = '''"""Bell state: entangle two qubits, draw the circuit and sample it on Aer."""

from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator


def create_circuit() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure_all()
    return qc


if __name__ == "__main__":
    qc = create_circuit()
    print(qc)
    simulator = AerSimulator()
    counts = simulator.run(transpile(qc, simulator), shots=1024, seed_simulator=7).result().get_counts()
    print(dict(sorted(counts.items())))
'''
README = """# Bell state

Run `bell.py` (Execute, file_to_run `bell.py`) to print the circuit and the counts of 1024 shots,
or Visualize it to get the circuit diagram. Fork the space to edit it.
"""


def load_demo_spaces(*, owner, organization) -> Space:
    space = Space.objects.filter(organization=organization, name="bell-state").first()
    if space is None:
        space = space_create(
            creator=owner,
            name="bell-state",
            title="Bell State (Qiskit)",
            description="Entangle two qubits, draw the circuit and sample it on Aer.",
            sdk="qiskit",
            space_type="demo",
            is_public=True,
            organization_name=organization.slug,
        )
    if not space.files.exists():
        space_files_save(space=space, user=owner, files={"bell.py": BELL_PY.encode(), "README.md": README.encode()})
    return space
