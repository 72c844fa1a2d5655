"""A regency's workspace: `portal.yml` and one ordinary report per office and year.

    portal.yml                      the regency's name, its logo, the offices' official order
    laporan/<kantor>/<tahun>/       a report made by `lkj new` (mkdocs.yml, docs/, data/, …)
    .portal/                        what `lkj portal build` keeps between builds (not published)
    site/                           the published portal

Offices not listed in `portal.yml` come after the listed ones, in the order of their folders,
named by their own settings (`extra.lkj.instansi`, as their built results say it). A report
whose settings cannot be read is still listed: its build fails and says why. An office folder
named like a folder of the portal itself (`RESERVED`) is listed with that problem, not built.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG = "portal.yml"
REPORTS = "laporan"
STATE = ".portal"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# The portal's own folders at the root of its site: no office may be published there.
RESERVED = {"kantor", "status", "gambar", "unduh", "pagefind", "assets", "stylesheets", "javascripts", "data", "search"}


class PortalError(Exception):
    """The workspace cannot be used as it is; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Portal:
    folder: Path
    daerah: str
    logo: str = ""
    urutan: tuple[str, ...] = ()  # office folders in the regency's official order
    lisensi: str = "CC-BY-4.0"
    alamat: str = ""  # where the portal is published (https://…/), for the catalog's download URLs

    @property
    def judul(self) -> str:
        return f"Laporan Kinerja Perangkat Daerah {self.daerah}"


@dataclass(frozen=True)
class Entry:
    """One report of the workspace: `laporan/<kantor>/<tahun>/`."""

    kantor: str
    tahun: int
    path: Path
    problem: str = ""  # why it cannot be built at all
    order: int = field(default=0, compare=False)

    @property
    def key(self) -> str:
        return f"{self.kantor}/{self.tahun}"


def find(start: Path) -> Path | None:
    """The workspace `start` is in (the folder holding portal.yml), if any."""
    for folder in [start, *start.parents]:
        if (folder / CONFIG).is_file():
            return folder
    return None


def read(folder: Path) -> Portal:
    path = folder / CONFIG
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PortalError(f"{CONFIG} tidak dapat dibaca ({error}); buat dengan lkj portal new") from None
    if not isinstance(content, dict) or not str(content.get("daerah", "")).strip():
        raise PortalError(f"{CONFIG}: isi 'daerah' (mis. daerah: Kabupaten Contoh)")
    order = content.get("urutan") or []
    if not isinstance(order, list) or not all(isinstance(name, str) and SLUG.match(name) for name in order):
        raise PortalError(f"{CONFIG}: 'urutan' harus daftar nama folder kantor di {REPORTS}/ (huruf kecil, angka, -)")
    alamat = str(content.get("alamat") or "").strip()
    if alamat and not re.fullmatch(r"https?://[^\s\"'<>]+", alamat):
        raise PortalError(f"{CONFIG}: 'alamat' harus alamat situs http(s)://…, mis. https://lkj.contohkab.go.id/")
    return Portal(
        folder=folder,
        daerah=str(content["daerah"]).strip(),
        logo=str(content.get("logo") or ""),
        urutan=tuple(order),
        lisensi=str(content.get("lisensi") or "CC-BY-4.0"),
        alamat=alamat,
    )


def reports(portal: Portal) -> list[Entry]:
    """Every report of the workspace, offices in their official order, years oldest first."""
    found = []
    root = portal.folder / REPORTS
    for office in sorted(root.iterdir()) if root.is_dir() else []:
        if not office.is_dir() or office.is_symlink() or not SLUG.match(office.name):
            continue
        for year in sorted(office.iterdir()):
            if year.is_symlink() or not (year / "mkdocs.yml").is_file() or not re.fullmatch(r"(19|20)\d\d", year.name):
                continue
            problem = (
                f"nama folder '{office.name}' dipakai portal sendiri; ganti nama foldernya"
                if office.name in RESERVED
                else ""
            )
            found.append(Entry(office.name, int(year.name), year, problem))
    listed = {name: index for index, name in enumerate(portal.urutan)}
    return sorted(found, key=lambda entry: (listed.get(entry.kantor, len(listed)), entry.kantor, entry.tahun))


def create(folder: Path, daerah: str) -> Path:
    """A new, empty workspace for the regency `daerah`."""
    folder = folder.resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PortalError(f"{folder} sudah ada dan tidak kosong; pilih folder baru")
    if not daerah.strip() or re.search(r"[\x00-\x1f\x7f]", daerah):
        raise PortalError('--daerah harus berisi nama daerah, mis. "Kabupaten Contoh"')
    (folder / REPORTS).mkdir(parents=True)
    (folder / CONFIG).write_text(
        "# The regency's portal of performance reports (lkj portal build). See README.md.\n"
        f"daerah: {yaml.safe_dump(daerah.strip(), allow_unicode=True).strip().removesuffix('...').strip()}\n"
        "logo: \"\"            # the regency's logo (an image in this folder), on the portal's pages\n"
        'alamat: ""          # where the portal is published (https://…/): the catalog\'s download URLs\n'
        "lisensi: CC-BY-4.0   # licence of the open data, in the catalog\n"
        "urutan: []           # the offices' folders in the regency's official order (others follow)\n",
        encoding="utf-8",
    )
    ignored = ("site/", ".site-versi/", "/.portal/", "/.venv/", "__pycache__/", "*.pyc", "/hasil-ci*/")
    (folder / ".gitignore").write_text("\n".join(ignored) + "\n", encoding="utf-8")
    (folder / REPORTS / ".gitkeep").write_text("", encoding="utf-8")
    return folder
