"""Print the site-packages files (relative paths) of the distributions in a requirements file, plus pip."""

import re
import sys
from importlib import metadata
from pathlib import Path


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wanted(requirements: Path) -> set[str]:
    names = {"pip"}
    for line in requirements.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(normalize(re.split(r"[=<>!~\[; ]", line)[0]))
    return names


def main() -> None:
    names = wanted(Path(sys.argv[1]))
    for dist in metadata.distributions():
        if normalize(dist.metadata["Name"]) not in names:
            continue
        for file in dist.files or []:
            parts = Path(str(file)).parts
            if parts and parts[0] != ".." and "__pycache__" not in parts:
                print(file)


main()
