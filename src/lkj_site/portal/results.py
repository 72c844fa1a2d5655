"""What the portal shows of each report: its own computed results (`site/data/hasil.json`), never
figured again. A report that has no built site (its first build failed) has none."""

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lkj import compute

from ..builder.project import project_config
from .builds import Outcome


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    hasil: dict | None  # the report's hasil.json; None: no site yet

    @property
    def entry(self):
        return self.outcome.entry

    @property
    def name(self) -> str:
        """The office as its report names itself."""
        if self.hasil:
            return self.hasil["laporan"]["instansi"]
        try:  # never built: its settings, read only now (reading 120 mkdocs.yml costs a second)
            return project_config(self.entry.path)[1].instansi
        except Exception:  # noqa: BLE001 - settings that cannot be read: the build said why
            return self.entry.kantor

    @property
    def url(self) -> str:
        """The report's site inside the portal: `<kantor>/<tahun>/`."""
        return f"{self.entry.kantor}/{self.entry.tahun}/"

    @property
    def pdf(self) -> str | None:
        pdf = self.hasil and self.hasil.get("pdf")
        return f"{self.url}{pdf['berkas']}" if pdf else None

    def measured(self) -> tuple[int, int, int]:
        """(met, measurable, all) of its indikator."""
        items = self.hasil["indikator"] if self.hasil else []
        met = sum(1 for item in items if item["status"] == "tercapai")
        measurable = sum(1 for item in items if item["status"] != "belum dapat diukur")
        return met, measurable, len(items)

    def total(self, name: str) -> Decimal | None:
        value = ((self.hasil or {}).get("jumlah") or {}).get(name)
        return None if value is None else Decimal(value)


def load(outcomes: list[Outcome]) -> list[Result]:
    return [Result(outcome, _read(outcome.site)) for outcome in outcomes]


def _read(site: Path | None) -> dict | None:
    if site is None:
        return None
    try:
        return json.loads((site / "data" / "hasil.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def serapan(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    """The regency's serapan: the ratio of its sums, never a mean of the offices' percentages."""
    return compute.percent(realisasi, pagu)
