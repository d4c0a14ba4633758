"""Build fake-device data in a child process and print it as JSON (no user code is involved).

    python -m quantum.backends.build devices            # the catalogue entries of every emulated device
    python -m quantum.backends.build calibration ID     # one device's calibration snapshot

The web process never builds qiskit's fake devices itself: doing so from request threads has crashed qiskit's
native code (a segfault takes the whole web process down). A crash here only fails this child.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    if argv[:1] == ["devices"]:
        from quantum.backends import devices

        data = [devices.device_entry(devices.fake_backend(name)) for name in devices.device_names()]
    elif len(argv) == 2 and argv[0] == "calibration":
        from quantum.backends.calibration import device_calibration

        data = device_calibration(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(data, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
