"""Every named route of the site, classified: a page the console test opens (with its path, filled from the
data it makes), or not a page of its own (a form action, an htmx fragment, a file, an endpoint for machines).

qubithub/tests/test_page_routes.py fails when a route is added without being classified here, so a new page
can't escape the "no console errors" check.
"""

# Pages the console test opens. Placeholders: {user} {circuit} (owner/name) {run} {dataset} {space} {file}
# {org} {suite} {problem}; "?" parts are query strings the page needs.
PAGES = {
    "home": "/",
    "explore": "/explore",
    "tag": "/explore/tags/bell",
    "explore-datasets": "/explore/datasets",
    "explore-spaces": "/explore/spaces",
    "signup": "/signup",
    "login": "/login",
    "backends": "/backends",
    "backend-page": "/backends/fake_lima",
    "benchmarks": "/benchmarks",
    "benchmark-suite": "/benchmarks/{suite}",
    "benchmark-problem": "/benchmarks/{suite}/{problem}",
    "benchmark-submission-new": "/benchmarks/{suite}/{problem}/submit",
    "settings-profile": "/settings",
    "password-change": "/settings/password",
    "settings-keys": "/settings/keys",
    "settings-providers": "/settings/providers",
    "profile": "/{user}",
    "circuit-new": "/new",
    "circuit-page": "/{circuit}",
    "circuit-edit": "/{circuit}/edit",
    "circuit-delete": "/{circuit}/delete",
    "circuit-file-delete": "/{circuit}/delete-file?file=circuit.py",
    "my-runs": "/runs",
    "run-page": "/runs/{run}",
    "run-delete": "/runs/{run}/delete",
    "dataset-new": "/datasets/new",
    "dataset-page": "/datasets/{dataset}",
    "dataset-edit": "/datasets/{dataset}/edit",
    "dataset-delete": "/datasets/{dataset}/delete",
    "dataset-query": "/datasets/{dataset}/query",
    "space-new": "/spaces/new",
    "space-page": "/spaces/{space}",
    "space-edit": "/spaces/{space}/edit",
    "space-delete": "/spaces/{space}/delete",
    "space-file-new": "/spaces/{space}/files/new",
    "space-file-rename": "/spaces/{space}/files/{file}/rename",
    "space-file-delete": "/spaces/{space}/files/{file}/delete",
    "org-new": "/orgs/new",
    "org-settings": "/orgs/{org}/settings",
    "org-delete": "/orgs/{org}/delete",
    "org-leave": "/orgs/{org}/leave",
}

# Pages whose console is checked by a journey that makes what they need (a scored result, stored credentials).
PAGES_IN_JOURNEYS = {
    "benchmark-result": "tests_browser/test_benchmark_pages.py",
    "benchmark-submission": "tests_browser/test_benchmark_pages.py",
    "settings-provider-remove": "tests_browser/test_settings_and_theme.py",
}

# Not pages: form actions (POST), fragments a page loads, files, redirects, machine endpoints.
NOT_PAGES = {
    "healthz", "readyz", "metrics", "circuit-git", "circuit-diagram",
    "logout", "settings-key-revoke", "settings-provider-set",
    "run-result", "run-cancel", "run-rerun", "run-submit",
    "org-member-change", "org-key-revoke", "org-page-redirect",
    "dataset-contents", "dataset-upload", "dataset-star", "dataset-fork",
    "space-executions", "space-file-save", "space-star", "space-fork",
    "benchmark-result-rerun", "benchmark-problem-run",
    "circuit-star", "circuit-fork",
}  # fmt: skip
