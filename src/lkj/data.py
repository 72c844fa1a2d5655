"""The data of a report as loaded: every file of data/ as typed rows, with the bytes validated.

Its own small module: the website's tables and the data cache (`load.py`) use it without
importing what validates it (pandas, pandera).
"""

import hashlib
from dataclasses import dataclass, field

from .findings import Finding


@dataclass(frozen=True)
class Data:
    """All files of data/ as typed rows (`rows.py`), in file order: `data["program"]`."""

    tables: dict[str, tuple]
    findings: tuple[Finding, ...] = field(default=())  # the warnings found when it was loaded
    raw: dict[str, bytes] = field(default_factory=dict)  # file name -> the bytes validated (published)

    def __getitem__(self, name: str) -> tuple:
        return self.tables[name]

    @property
    def sha256(self) -> dict[str, str]:
        """File name -> SHA-256 of the bytes validated and published."""
        return {name: hashlib.sha256(content).hexdigest() for name, content in self.raw.items()}
