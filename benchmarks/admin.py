from django.contrib import admin

from benchmarks.models import Problem, ReferenceCircuit, Result, Submission, Suite


@admin.register(Suite)
class SuiteAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "title", "metric", "published_at"]


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["name", "suite", "index", "family", "qubits", "headline"]
    list_filter = ["suite", "family"]
    exclude = ["ideal_distribution"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["id", "problem", "backend_name", "shots", "status", "score", "ranked", "created_at"]
    list_filter = ["status", "ranked", "backend_type"]
    raw_id_fields = ["problem", "reference", "submission", "user", "circuit_version", "run", "rerun_of"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["id", "problem", "user", "status", "check_fidelity", "created_at"]
    raw_id_fields = ["problem", "user", "circuit_version", "check_run"]


@admin.register(ReferenceCircuit)
class ReferenceCircuitAdmin(admin.ModelAdmin):
    list_display = ["name", "problem", "index", "circuit_version"]
    raw_id_fields = ["problem", "circuit_version"]
