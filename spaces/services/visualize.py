"""Drawing the circuit a space's code builds, in the sandbox."""

import base64
import uuid

from qubithub.errors import InvalidInput
from spaces.models import Space
from spaces.selectors import space_files
from spaces.slots import slot_acquire, slot_release

VISUALIZE_TIMEOUT_S = 30


def space_visualize(
    *,
    space: Space,
    user,
    code: str | None = None,
    file_to_visualize: str | None = None,
    framework: str | None = None,
    fmt: str = "svg",
) -> dict:
    """{status, diagram (base64 SVG, or the text drawing for fmt text), framework, format, error}."""
    from quantum import api
    from quantum.errors import QuantumError

    if (code is None) == (file_to_visualize is None):
        raise InvalidInput("Give either code or file_to_visualize, not both and not neither.")
    files = space_files(space)
    if file_to_visualize is not None and file_to_visualize not in files:
        raise InvalidInput(f"file_to_visualize: '{file_to_visualize}' is not a file of this space.")
    holder = f"visualize-{uuid.uuid4()}"
    slot_acquire(user_id=user.pk, holder=holder, timeout_s=VISUALIZE_TIMEOUT_S)
    try:
        drawing = api.visualize_code(
            code=code,
            files=files,
            file_to_visualize=file_to_visualize,
            framework=framework,
            fmt=fmt,
            timeout_s=VISUALIZE_TIMEOUT_S,
        )
    except QuantumError as error:
        return {"status": "error", "diagram": None, "framework": framework, "format": fmt, "error": str(error)}
    finally:
        slot_release(user_id=user.pk, holder=holder)
    diagram = drawing["diagram"]
    if fmt == "svg":
        diagram = base64.b64encode(diagram.encode()).decode()
    return {"status": "success", "diagram": diagram, "framework": drawing["framework"], "format": fmt, "error": None}
