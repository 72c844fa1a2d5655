"""Print the direct dependencies of pyproject.toml (runtime and test), one per argument."""

import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
print(" ".join(project["dependencies"] + project["optional-dependencies"]["test"]))
