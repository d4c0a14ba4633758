"""Sandbox start-up alone: a job that does nothing, per implementation. Prints figures; asserts nothing.

.venv/bin/python bench/bench_sandbox.py [repeats]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sandbox import Job  # noqa: E402


def implementations() -> dict[str, object]:
    from sandbox.bwrap.oneshot import BubblewrapSandbox
    from sandbox.pool import WarmPool, WarmPoolSandbox

    found: dict[str, object] = {
        "bubblewrap one-shot": BubblewrapSandbox(),
        "bubblewrap warm pool": WarmPoolSandbox(WarmPool()),
    }
    try:
        from sandbox.docker.container import DockerSandbox

        docker = DockerSandbox()
        docker.check()
        found["docker"] = docker
    except Exception as error:  # noqa: BLE001
        print(f"(docker skipped: {error})")
    return found


JOBS = {
    "exec /bin/true": Job(command=["/bin/true"]),
    "python3 -c pass": Job(command=["python3", "-c", "pass"]),
    "call (preloaded entry)": Job(call="sandbox.inside.workspace:safe_relative", payload="a.txt"),
}


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    started = time.perf_counter()
    from sandbox.pool import WarmPool

    pool = WarmPool()
    pool.warm_up()
    print(f"warm pool: zygote start with quantum libraries preloaded: {(time.perf_counter() - started) * 1000:.0f} ms")
    pool.close()
    for name, sandbox in implementations().items():
        for label, job in JOBS.items():
            sandbox.run(job)  # type: ignore[attr-defined]
            samples = []
            for _ in range(repeats if "docker" not in name else max(3, repeats // 4)):
                begun = time.perf_counter()
                result = sandbox.run(job)  # type: ignore[attr-defined]
                samples.append((time.perf_counter() - begun) * 1000)
                assert result.exit_code == 0, result
            ordered = sorted(samples)
            print(
                f"{name:<22} {label:<24} p50 {statistics.median(ordered):8.1f} ms   "
                f"p90 {ordered[int(0.9 * (len(ordered) - 1))]:8.1f} ms"
            )


if __name__ == "__main__":
    main()
