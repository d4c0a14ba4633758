from django import forms

from runs.forms import backend_choices
from runs.models import MAX_SHOTS


class BenchmarkRunForm(forms.Form):
    circuit_idx = forms.TypedChoiceField(coerce=int, label="Reference circuit")
    backend = forms.ChoiceField(required=False, help_text="Empty: every backend of the suite that fits.")
    shots = forms.IntegerField(min_value=1, max_value=MAX_SHOTS, required=False)

    def __init__(self, *args, problem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["circuit_idx"].choices = [(c.index, c.title or c.name) for c in problem.circuits.all()]
        self.fields["backend"].choices = [("", "The suite's backends"), *backend_choices(problem.qubits)]
        self.fields["shots"].initial = problem.suite.shots

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"circuit_idx": data["circuit_idx"], "backend": data["backend"] or None, "shots": data["shots"]}
