"""What validation finds in data/: one finding per problem, in Indonesian, for people.

Each finding names the file, the row (line number as in a text editor or Excel, the
header being line 1), the column, the value found and what is expected. Errors stop the
build; warnings never do but are always shown.
"""

from dataclasses import dataclass

from mkdocs.exceptions import PluginError

ERROR = "galat"
WARNING = "peringatan"


@dataclass(frozen=True)
class Finding:
    level: str  # ERROR or WARNING
    file: str  # file name inside data/
    message: str  # what is wrong and what is expected
    row: int | None = None
    column: str | None = None
    value: str | None = None

    @property
    def where(self) -> str:
        where = f"data/{self.file}"
        if self.row is not None:
            where += f", baris {self.row}"
        if self.column is not None:
            where += f", kolom '{self.column}'"
        return where

    def line(self) -> str:
        """`GALAT data/kegiatan.csv, baris 13, kolom 'kode_program': nilai 'P99': <message>`"""
        value = f"nilai '{self.value}': " if self.value is not None else ""
        return f"{self.level.upper()} {self.where}: {value}{self.message}"

    def github_annotation(self) -> str:
        """The same finding as a GitHub Actions annotation, shown on the pull request's diff."""
        kind = "error" if self.level == ERROR else "warning"
        place = f"file=data/{self.file}" + (f",line={self.row}" if self.row is not None else "")
        text = self.line().split(" ", 1)[1].replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} {place},title=Data LKj::{text}"


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == ERROR]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == WARNING]


class DataError(PluginError):
    """Data that cannot be used as it is. The message lists every error found."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        first = findings[0]
        self.file, self.row, self.column = first.file, first.row, first.column
        count = f"{len(findings)} galat pada data" if len(findings) > 1 else "galat pada data"
        lines = "\n".join(f"  {f.line()}" for f in findings)
        super().__init__(f"{count} (perbaiki berkas di data/, lihat data/README.md):\n{lines}")
