"""The report's content as the chapters ask for it: looks things up and computes.

`Report` is built once per build from the loaded data and the settings. Its public
methods are the inline macros: each returns text (`str`), made inert by the site layer.
A figure's year comes from the settings unless a chapter asks for another one:
results and budgets from `tahun_kinerja` (and `periode`), plans (Rencana and Perjanjian
Kinerja) from `tahun`.
"""

import re
from dataclasses import dataclass
from functools import cache

from . import compute, fmt
from .data import Data
from .rows import Indikator, Realisasi, Sasaran, Target
from .settings import Settings, periode


@dataclass(frozen=True)
class TargetLine:
    """One indikator's target in a document, with its sasaran."""

    target: Target
    indikator: Indikator
    sasaran: Sasaran


@dataclass(frozen=True)
class CapaianLine:
    """One indikator measured in a period: its PK target, realisasi and capaian."""

    target: Target
    indikator: Indikator
    sasaran: Sasaran
    realisasi: Realisasi
    capaian: compute.Capaian


class Report:
    def __init__(self, data: Data, settings: Settings):
        self.data = data
        self.settings = settings
        self._bab: str | None = None
        self._counts = {"Tabel": 0, "Gambar": 0}

    # --- numbering of captions ----------------------------------------------------------

    def start_page(self, bab) -> None:
        """Called before each page is rendered: captions restart at 1 in each chapter."""
        self._bab = None if bab is None else str(bab)
        self._counts = dict.fromkeys(self._counts, 0)

    def caption(self, title: str, kind: str = "Tabel") -> str:
        """`Tabel 3.2 <title>` (or `Gambar 1.1 <title>`): numbered per chapter."""
        if self._bab is None:
            raise ValueError(f"{kind.lower()} bernomor hanya boleh di halaman yang punya 'bab:' di front matter")
        self._counts[kind] += 1
        return f"{kind} {self._bab}.{self._counts[kind]} {title}"

    def judul_gambar(self, title: str) -> str:
        """Caption of a figure, numbered per chapter: `Gambar 1.1 <title>`."""
        return self.caption(title, "Gambar")

    # --- years and periods ---------------------------------------------------------------

    def tahun_kinerja(self, tahun=None) -> int:
        """The year of results: the one asked for, or the settings' measured year."""
        return self.settings.tahun_kinerja if tahun is None else year(tahun)

    def tahun_rencana(self, tahun=None) -> int:
        """The year of plans: the one asked for, or the report's year."""
        return self.settings.tahun if tahun is None else year(tahun)

    def label(self, tahun: int) -> str:
        """`Tahun 2019`, or `Semester I 2019` in a report of a semester."""
        return periode(self.settings.periode, tahun)

    def tahun_anggaran(self) -> list[int]:
        """Every year whose budget of the report's period is in the data, oldest first."""
        files = ("realisasi_anggaran", "realisasi_program", "ringkasan_anggaran")
        return sorted({r.tahun for name in files for r in self.data[name] if r.periode == self.settings.periode})

    def tahun_capaian(self) -> list[int]:
        """Every year with both PK targets and realisasi of the report's period, oldest first."""
        periode = self.settings.periode
        targets = {t.tahun for t in self.data["target_kinerja"] if (t.dokumen, t.periode) == ("PK", periode)}
        return sorted(targets & {r.tahun for r in self.data["realisasi_kinerja"] if r.periode == periode})

    # --- lookups --------------------------------------------------------------------------

    def program_name(self, kode: str) -> str:
        for program in self.data["program"]:
            if program.kode_program == kode:
                return program.nama_program
        raise LookupError(f"program '{kode}' tidak ada di data/program.csv (kolom kode_program)")

    def anggaran(self, tahun=None, program: str | None = None) -> compute.Anggaran:
        """Budget of the measured period (or of year `tahun`), or of one of its programs."""
        whole = self.anggaran_periode(self.tahun_kinerja(tahun))
        if whole is None:
            raise LookupError(
                f"tidak ada anggaran {self.label(self.tahun_kinerja(tahun))} di data/realisasi_anggaran.csv, "
                "realisasi_program.csv maupun ringkasan_anggaran.csv; tambahkan datanya atau ubah tahun pada makro"
            )
        if program is None:
            return whole
        for item in whole.program:
            if item.kode == program:
                return item
        raise LookupError(
            f"program '{program}' tidak punya anggaran {whole.nama} (data/realisasi_anggaran.csv); "
            "periksa kode program (data/program.csv)"
        )

    @cache  # noqa: B019 - a Report lives for one build; its data never changes
    def anggaran_periode(self, tahun: int) -> compute.AnggaranPeriode | None:
        return compute.anggaran_periode(self.data, tahun, self.settings.periode, self.label(tahun))

    def periode_target(self, tahun: int, dokumen: str) -> str:
        """The period whose targets a document of year `tahun` gives this report: the report's own
        period where the data has targets for it (a semester's PK), else the year's."""
        periode = self.settings.periode
        rows = self.data["target_kinerja"]
        return periode if any((t.dokumen, t.tahun, t.periode) == (dokumen, tahun, periode) for t in rows) else "Tahun"

    def label_target(self, tahun: int, dokumen: str) -> str:
        """`Tahun 2025`, or `Semester I 2025` where the document's targets are the semester's."""
        return periode(self.periode_target(tahun, dokumen), tahun)

    @cache  # noqa: B019
    def targets(self, tahun: int, dokumen: str, periode_target: str | None = None) -> tuple[TargetLine, ...]:
        """Target lines of one document and period (default: `periode_target`), grouped by sasaran in
        the order of sasaran.csv."""
        if dokumen not in ("RK", "PK"):
            raise ValueError(f'dokumen harus "RK" atau "PK", bukan \'{dokumen}\'')
        if periode_target is None:
            periode_target = self.periode_target(tahun, dokumen)
        indikator = {i.kode_indikator: i for i in self.data["indikator"]}
        sasaran = {s.kode_sasaran: s for s in self.data["sasaran"]}
        order = {code: position for position, code in enumerate(sasaran)}
        lines = [
            TargetLine(t, indikator[t.kode_indikator], sasaran[indikator[t.kode_indikator].kode_sasaran])
            for t in self.data["target_kinerja"]
            if (t.dokumen, t.tahun, t.periode) == (dokumen, tahun, periode_target)
        ]
        return tuple(sorted(lines, key=lambda line: order[line.sasaran.kode_sasaran]))

    def targets_or_fail(self, tahun: int, dokumen: str) -> tuple[TargetLine, ...]:
        lines = self.targets(tahun, dokumen)
        if not lines:
            wanted = f"Tahun {tahun}"
            if self.settings.periode != "Tahun":
                wanted = f"{self.label(tahun)} maupun Tahun {tahun}"
            raise LookupError(
                f"tidak ada target {dokumen} {wanted} di data/target_kinerja.csv; "
                "tambahkan targetnya atau ubah tahun pada makro"
            )
        return lines

    @cache  # noqa: B019
    def capaian_lines(self, tahun: int) -> tuple[CapaianLine, ...]:
        """Each indikator with a PK target in the measured period, with its realisasi and capaian."""
        targets = self.targets(tahun, "PK", self.settings.periode)
        if not targets:
            raise LookupError(
                f"tidak ada target PK {self.label(tahun)} di data/target_kinerja.csv; "
                "tambahkan targetnya atau ubah tahun pada makro"
            )
        measured = {
            r.kode_indikator: r
            for r in self.data["realisasi_kinerja"]
            if (r.tahun, r.periode) == (tahun, self.settings.periode)
        }
        # validation guarantees a realisasi row for every PK target of a measured period
        return tuple(
            CapaianLine(
                line.target,
                line.indikator,
                line.sasaran,
                measured[line.indikator.kode_indikator],
                self._capaian_of(line, measured),
            )
            for line in targets
            if line.indikator.kode_indikator in measured
        )

    def _capaian_of(self, line: TargetLine, measured: dict) -> compute.Capaian:
        realisasi = measured[line.indikator.kode_indikator]
        if realisasi.realisasi is None:
            return compute.capaian_publikasi(realisasi.capaian_publikasi)
        return compute.capaian(
            line.indikator.arah, line.target.target, realisasi.realisasi, self.settings.tingkat_kualitatif
        )

    def pk_budget(self, tahun: int):
        rows = [row for row in self.data["anggaran_pk"] if row.tahun == tahun]
        if not rows:
            raise LookupError(
                f"tidak ada anggaran PK Tahun {tahun} di data/anggaran_pk.csv; "
                "tambahkan datanya atau ubah tahun pada makro"
            )
        return rows

    # --- inline figures (macros) ------------------------------------------------------------

    def pagu(self, program: str | None = None, tahun=None) -> str:
        """`Rp 2.392.837.500`: pagu of the measured period, or of a program (sum of its kegiatan)."""
        return fmt.rupiah(self.anggaran(tahun, program).pagu)

    def realisasi_anggaran(self, program: str | None = None, tahun=None) -> str:
        return fmt.rupiah(self.anggaran(tahun, program).realisasi)

    def serapan(self, program: str | None = None, tahun=None) -> str:
        """`95,35%`: realisasi ÷ pagu of the measured period or of a program."""
        return fmt.persen_tanda(self.anggaran(tahun, program).serapan)

    def fisik(self, program: str | None = None, tahun=None) -> str:
        """`102,68%`: the mean of the fisik reported; `tidak dilaporkan` where none is."""
        value = self.anggaran(tahun, program).fisik
        return "tidak dilaporkan" if value is None else fmt.persen_tanda(value)

    def perbandingan_serapan(self) -> str:
        """A sentence on the serapan of the period a year before, or that there is no such data."""
        previous = self.settings.tahun_kinerja - 1
        budget = self.anggaran_periode(previous)
        if budget is None:
            return f"Data anggaran {self.label(previous)} tidak tersedia sebagai pembanding."
        return f"Serapan {self.label(previous)} sebesar {fmt.persen_tanda(budget.serapan)}."

    def pagu_pk(self, tahun=None) -> str:
        """Total budget of the Perjanjian Kinerja: the sum of its programs."""
        return fmt.rupiah(sum(row.pagu for row in self.pk_budget(self.tahun_rencana(tahun))))

    def capaian(self, indikator: str, tahun=None) -> str:
        """`142,00%`, or `tercapai` / `tidak tercapai` for a qualitative indikator."""
        for line in self.capaian_lines(self.tahun_kinerja(tahun)):
            if line.indikator.kode_indikator == indikator:
                return capaian_text(line.capaian)
        raise LookupError(
            f"indikator '{indikator}' tidak punya target PK dan realisasi {self.label(self.tahun_kinerja(tahun))} "
            "(data/target_kinerja.csv, data/realisasi_kinerja.csv); periksa kode dan tahunnya"
        )

    def jumlah_indikator(self, tahun=None, dokumen: str = "PK") -> str:
        """`6 (enam)`: the number of indikator in a document of the report's year (or of `tahun`)."""
        return fmt.bilangan(len(self.targets_or_fail(self.tahun_rencana(tahun), dokumen)))

    def jumlah_sasaran(self, tahun=None, dokumen: str = "PK") -> str:
        lines = self.targets_or_fail(self.tahun_rencana(tahun), dokumen)
        return fmt.bilangan(len({line.sasaran.kode_sasaran for line in lines}))

    def jumlah_tujuan(self, tahun=None, dokumen: str = "PK") -> str:
        lines = self.targets_or_fail(self.tahun_rencana(tahun), dokumen)
        return fmt.bilangan(len({line.sasaran.tujuan for line in lines if line.sasaran.tujuan}))

    def jumlah_misi(self) -> str:
        return fmt.bilangan(len(self.data["misi"]))

    def jumlah_program(self) -> str:
        return fmt.bilangan(len(self.data["program"]))

    def jumlah_tercapai(self, tahun=None) -> str:
        """`9 (sembilan) dari 9 (sembilan)`: indikator of the measured period that met their target;
        those that cannot be measured yet are said apart and counted neither way."""
        results = [line.capaian for line in self.capaian_lines(self.tahun_kinerja(tahun))]
        measurable = [result for result in results if result.terukur]
        met = sum(1 for result in measurable if result.tercapai)
        text = f"{fmt.bilangan(met)} dari {fmt.bilangan(len(measurable))}"
        if len(measurable) < len(results):
            text += f" (dan {fmt.bilangan(len(results) - len(measurable))} belum dapat diukur)"
        return text

    def kategori(self, line: CapaianLine) -> str | None:
        """The category of an indikator's capaian on the report's scale (`kategori_capaian`), if any."""
        return self.settings.kategori_capaian.rate(line.capaian.persen)

    def jumlah_kategori(self, tahun=None) -> str:
        """`3 (tiga) indikator (60,00%) Sangat Tinggi, 1 (satu) indikator (20,00%) Tinggi dan …`: the
        indikator of the measured period per category of the report's scale, with their share of those
        rated; those without a percentage (qualitative, not measurable yet) are said apart."""
        scale = self.settings.kategori_capaian
        if not scale.declared:
            raise LookupError(
                "laporan ini belum menyatakan skala kategori capaian; isi extra.lkj.kategori_capaian di mkdocs.yml"
            )
        lines = self.capaian_lines(self.tahun_kinerja(tahun))
        rated = [category for category in map(self.kategori, lines) if category is not None]
        parts = [
            f"{fmt.bilangan(count)} indikator ({fmt.persen_tanda(compute.percent(count, len(rated)))}) {name}"
            for name in scale.from_highest()
            if (count := rated.count(name))
        ]
        text = enumerate_words(parts) if parts else "tidak ada indikator yang berkategori"
        unrated = len(lines) - len(rated)
        if unrated:
            text += f" ({fmt.bilangan(unrated)} indikator tidak berkategori: kualitatif atau belum dapat diukur)"
        return text

    def melampaui_target(self, tahun=None) -> str:
        """The indikator whose capaian is above 100 %, with it: `A (142,00%), B (107,51%) dan C (115,00%)`."""
        above = [
            f"{line.indikator.uraian} ({fmt.persen_tanda(line.capaian.persen)})"
            for line in self.capaian_lines(self.tahun_kinerja(tahun))
            if line.capaian.persen is not None and line.capaian.persen > 100 and not line.capaian.dipublikasikan
        ]
        return enumerate_words(above) if above else "tidak ada indikator"

    def visi(self) -> str:
        return self.settings.visi

    def misi(self, kode: str) -> str:
        for misi in self.data["misi"]:
            if misi.kode_misi == str(kode):
                return misi.uraian
        known = ", ".join(m.kode_misi for m in self.data["misi"])
        raise LookupError(f"misi '{kode}' tidak ada di data/misi.csv (kode yang ada: {known})")

    def misi_utama(self) -> str:
        """The misi the office works for first (`peran` utama in data/misi.csv)."""
        main = [m.uraian for m in self.data["misi"] if m.peran == "utama"]
        if not main:
            raise LookupError("tidak ada misi berperan 'utama' di data/misi.csv (kolom peran); isi peran misinya")
        return enumerate_words(main)


def year(value) -> int:
    """A year as a macro argument: 2019 or "2019"; anything else is a clear error."""
    if isinstance(value, bool) or not re.fullmatch(r"[0-9]{4}", str(value).strip()):
        raise ValueError(f"tahun harus empat angka, mis. 2019, bukan '{value}'")
    return int(str(value).strip())


def capaian_text(result: compute.Capaian) -> str:
    if result.persen is not None:
        return fmt.persen_tanda(result.persen)
    if result.tercapai is None:
        return fmt.DASH
    return "tercapai" if result.tercapai else "tidak tercapai"


def enumerate_words(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"
