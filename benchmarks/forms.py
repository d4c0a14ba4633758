from django import forms

from runs.models import MAX_SHOTS


def backend_options(backends: list[dict]) -> list[tuple[str, str]]:
    """The benchmark backends (services.running.benchmark_backends), with their type and size."""
    return [(b["id"], f"{b.get('name') or b['id']} ({b['type']}, {b.get('qubits') or '?'} qubits)") for b in backends]


class BenchmarkRunForm(forms.Form):
    circuit_idx = forms.TypedChoiceField(coerce=int, label="Reference circuit")
    backend = forms.ChoiceField(required=False, help_text="Empty: every backend of the suite that fits.")
    shots = forms.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)

    def __init__(self, *args, problem, backends: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["circuit_idx"].choices = [(c.index, c.title or c.name) for c in problem.circuits.all()]
        self.fields["backend"].choices = [("", "The suite's backends"), *backend_options(backends)]
        self.fields["shots"].initial = problem.suite.shots

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"circuit_idx": data["circuit_idx"], "backend": data["backend"] or None, "shots": data["shots"]}


class SubmissionForm(forms.Form):
    """POST /api/benchmarks/submissions from a page: the circuit by its owner/name instead of its id."""

    circuit = forms.CharField(
        max_length=201,
        help_text="owner/name of a circuit you can see; yours are suggested.",
        widget=forms.TextInput(attrs={"list": "my-circuits", "placeholder": "owner/name", "autocomplete": "off"}),
    )
    version = forms.IntegerField(min_value=1, required=False, help_text="Empty: its latest version.")
    backends = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every backend of the suite that fits the problem.",
    )
    shots = forms.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)

    def __init__(self, *args, problem, backends: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["backends"].choices = backend_options(backends)
        self.fields["shots"].initial = problem.suite.shots
        self.fields["shots"].help_text = f"Empty: the suite's {problem.suite.shots}."

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"version_number": data["version"], "backends": data["backends"] or None, "shots": data["shots"]}
