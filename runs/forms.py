import json

from django import forms

from runs import engine
from runs.models import MAX_SHOTS, RunStatus


def backend_choices(max_qubits: int = 0) -> list:
    """Available backends grouped by type, those too small for the circuit left out."""
    groups: dict[str, list] = {}
    for backend in engine.backend_catalogue():
        if backend.get("status") != "available" or (max_qubits and (backend.get("qubits") or 0) < max_qubits):
            continue
        label = f"{backend.get('name') or backend['id']} ({backend.get('qubits') or '?'} qubits)"
        groups.setdefault(backend["type"].title(), []).append((backend["id"], label))
    return list(groups.items())


class RunForm(forms.Form):
    backend_name = forms.ChoiceField(label="Backend")
    shots = forms.IntegerField(min_value=1, max_value=MAX_SHOTS, initial=1024)
    parameters = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text='JSON object binding the circuit\'s parameters, e.g. {"theta": 0.5}.',
    )
    statevector = forms.BooleanField(required=False, label="Also return the statevector")

    def __init__(self, *args, circuit=None, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["backend_name"].choices = backend_choices(circuit.qubits if circuit else 0)
        manifest = (version.manifest or {}) if version else {}
        execution = manifest.get("execution", {})
        self.fields["backend_name"].initial = execution.get("default_backend") or "qiskit_aer"
        self.fields["shots"].initial = execution.get("default_shots") or 1024
        names = (
            [p if isinstance(p, str) else p.get("name") for p in (version.analysis or {}).get("parameters", [])]
            if version
            else []
        )
        if names:
            self.fields["parameters"].help_text = f"Parameters of this circuit: {', '.join(names)}."
            self.fields["parameters"].initial = json.dumps(dict.fromkeys(names, 0.0))

    def clean_parameters(self) -> dict:
        text = (self.cleaned_data.get("parameters") or "").strip()
        if not text:
            return {}
        try:
            value = json.loads(text)
        except ValueError:
            raise forms.ValidationError("Parameters must be a JSON object.") from None
        if not isinstance(value, dict):
            raise forms.ValidationError("Parameters must be a JSON object.")
        return value

    def service_arguments(self) -> dict:
        backend = engine.backend_get(self.cleaned_data["backend_name"]) or {}
        return {
            "backend_type": backend.get("type", "simulation"),
            "backend_name": self.cleaned_data["backend_name"],
            "shots": self.cleaned_data["shots"],
            "parameters": self.cleaned_data["parameters"],
            "want_statevector": self.cleaned_data["statevector"],
        }


class RunFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *RunStatus.choices])
    backend_name = forms.CharField(required=False, label="Backend")

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}
