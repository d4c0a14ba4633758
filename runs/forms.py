import json

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from qubithub.errors import InvalidInput
from runs import engine, services
from runs.models import MAX_SHOTS, BackendType, RunStatus

# The simulator a circuit runs on natively, by its framework (the manifest's default_backend wins when set).
FRAMEWORK_BACKENDS = {
    "pennylane": "pennylane_default",
    "cirq": "cirq_simulator",
    "qiskit": "qiskit_aer",
    "openqasm3": "qiskit_aer",
}


class BackendSelect(forms.Select):
    """A select whose unavailable options are shown disabled, their reason in the label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unavailable: dict[str, str] = {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.unavailable:
            option["attrs"]["disabled"] = True
        return option


def _hardware_reasons(user, circuit, catalogue: list[dict]) -> dict[str, str]:
    """Why each hardware backend is unavailable to this user (absent when it is available): one check per provider."""
    from runs import providers
    from runs.providers.services import hardware_unavailable_reason

    by_provider: dict[str | None, tuple[str, str | None]] = {}
    reasons = {}
    for backend in catalogue:
        if backend["type"] != BackendType.HARDWARE:
            continue
        provider = providers.provider_of(backend)
        if provider not in by_provider or provider is None:
            reason = hardware_unavailable_reason(
                user=user, backend=backend, prefer_organization_id=getattr(circuit, "organization_id", None)
            )
            by_provider[provider] = (backend["id"], reason)
        first_id, reason = by_provider[provider]
        if reason:
            reasons[backend["id"]] = reason.replace(f"'{first_id}'", f"'{backend['id']}'")
    return reasons


def backend_picker(*, user=None, circuit=None) -> tuple[list, dict[str, str]]:
    """Backends grouped by type, those too small for the circuit left out, and the unavailable ones with why.

    Hardware is available where the user (or one of their organizations) has credentials for its provider.
    """
    catalogue = engine.backend_catalogue()
    reasons = _hardware_reasons(user, circuit, catalogue)
    max_qubits = getattr(circuit, "qubits", 0) or 0
    groups: dict[str, list] = {}
    for backend in catalogue:
        if max_qubits and backend.get("qubits") and backend["qubits"] < max_qubits:
            continue
        if backend["type"] != BackendType.HARDWARE and backend.get("status") != "available":
            reasons[backend["id"]] = backend.get("status_message") or "not available on this server"
        label = f"{backend.get('name') or backend['id']} ({backend.get('qubits') or '?'} qubits)"
        if backend["id"] in reasons:
            label += " — unavailable"
        groups.setdefault(backend["type"].title(), []).append((backend["id"], label))
    return list(groups.items()), reasons


def default_backend(*, framework: str, manifest: dict, usable: set[str]) -> str | None:
    for wanted in (manifest.get("execution", {}).get("default_backend"), FRAMEWORK_BACKENDS.get(framework)):
        if wanted and wanted in usable:
            return wanted
    return next(iter(sorted(usable)), None)


def parse_parameters(text: str) -> dict:
    """The Parameters box: a JSON object. NaN/Infinity are refused; numbers too large for a float become inf
    (the service then says they are out of range) instead of failing with an unrelated message."""

    def refuse(constant: str):
        raise ValueError(f"{constant} is not a number here: use a finite number")

    def integer(digits: str):
        return float(digits) if len(digits) > 300 else int(digits)

    try:
        value = json.loads(text, parse_constant=refuse, parse_int=integer)
    except ValueError as exc:
        raise forms.ValidationError(f'Parameters must be a JSON object such as {{"theta": 0.5}} ({exc}).') from None
    if not isinstance(value, dict):
        raise forms.ValidationError('Parameters must be a JSON object such as {"theta": 0.5}, with names as keys.')
    return value


class RunForm(forms.Form):
    backend_name = forms.ChoiceField(label="Backend", widget=BackendSelect)
    shots = forms.IntegerField(min_value=1, max_value=MAX_SHOTS, initial=1024)
    parameters = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text='JSON object binding the circuit\'s parameters, e.g. {"theta": 0.5}.',
    )
    statevector = forms.BooleanField(required=False, label="Also return the statevector")

    def __init__(self, *args, circuit=None, version=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        choices, self.unavailable = backend_picker(user=user, circuit=circuit)
        field = self.fields["backend_name"]
        field.choices = choices
        field.widget.unavailable = self.unavailable
        usable = {value for _, options in choices for value, _ in options if value not in self.unavailable}
        manifest = (version.manifest or {}) if version else {}
        field.initial = default_backend(framework=getattr(circuit, "framework", ""), manifest=manifest, usable=usable)
        if any(reason for reason in self.unavailable.values()):
            field.help_text = format_html(
                "Backends marked unavailable cannot run your jobs yet; hardware needs provider credentials: "
                '<a href="{}">Settings › Hardware providers</a>.',
                reverse("settings-providers"),
            )
        self.fields["shots"].initial = manifest.get("execution", {}).get("default_shots") or 1024
        names = self._parameter_names()
        if names:
            self.fields["parameters"].help_text = f"JSON object. Parameters of this circuit: {', '.join(names)}."
            self.fields["parameters"].initial = json.dumps(dict.fromkeys(names, 0.0))

    def _parameter_names(self) -> list[str]:
        listed = (self.version.analysis or {}).get("parameters", []) if self.version else []
        return [p if isinstance(p, str) else p.get("name") for p in listed]

    def clean_backend_name(self) -> str:
        name = self.cleaned_data["backend_name"]
        if name in self.unavailable:
            raise forms.ValidationError(self.unavailable[name])
        return name

    def clean_parameters(self) -> dict:
        text = (self.cleaned_data.get("parameters") or "").strip()
        value = parse_parameters(text) if text else {}
        try:
            return services.run_parameters_check(parameters=value, version=self.version)
        except InvalidInput as exc:
            raise forms.ValidationError(exc.detail) from None

    def service_arguments(self) -> dict:
        backend = engine.backend_get(self.cleaned_data["backend_name"]) or {}
        return {
            "backend_type": backend.get("type", "simulation"),
            "backend_name": self.cleaned_data["backend_name"],
            "shots": self.cleaned_data["shots"],
            "parameters": self.cleaned_data["parameters"],
            "want_statevector": self.cleaned_data["statevector"],
            "version": self.version,
        }


class RunFilterForm(forms.Form):
    """My runs: the same filters as GET /api/runs (status, circuit_id, backend_name), as selects."""

    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *RunStatus.choices])
    circuit_id = forms.ChoiceField(required=False, label="Circuit")
    backend_name = forms.ChoiceField(required=False, label="Backend")

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["circuit_id"].choices = [("", "Any circuit"), *choices["circuits"]]
        self.fields["backend_name"].choices = [("", "Any backend"), *((b, b) for b in choices["backends"])]

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v} if self.is_valid() else {}
