"""`lkj portal`: a regency's reports, every office and every year, in one portal.

    lkj portal new FOLDER --daerah "Kabupaten …"   a workspace (portal.yml, laporan/, the toolkit)
    lkj portal build [FOLDER]                      build what changed, then publish FOLDER/site/
    lkj portal rencana [FOLDER] --sejak REVISI     the reports changed since REVISI (for CI)
    lkj portal ci github|gitlab [FOLDER]           the workflow that builds them on a CI job matrix

`build` exits 0 when every report built (or was unchanged), 1 when one or more failed (the portal
is still published, with their last good version and their errors on its status page), 2 when
the portal itself could not be made (nothing published).
"""

import sys
import time
from decimal import Decimal
from pathlib import Path

from lkj import fmt

from ..portal import assemble, builds, ci, results, workspace
from ..publisher.versions import Busy, NotAFolder, Versions
from . import new as report_new

TEMPLATE = Path(__file__).parent / "template-portal"
FROM_TOOLKIT = ("requirements-bootstrap.lock", "scripts/system-deps.sh")


def new(folder: Path, daerah: str) -> int:
    try:
        root = report_new.toolkit_root()
        made = workspace.create(folder, daerah)
        report_new._copy_template(made, {"daerah": daerah.strip()}, template=TEMPLATE)
        report_new.copy_from_toolkit(root, made, FROM_TOOLKIT)
        report_new.vendor(root, made)
        report_new.copy_from_toolkit(root, made / report_new.WORKSPACE_FILES, report_new.FROM_TOOLKIT)
    except (workspace.PortalError, report_new.NewError) as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 1
    print(
        f"Portal baru dibuat di {made}.\n"
        f"Tambahkan laporan: lkj new {made}/laporan/<kantor>/<tahun> --instansi … --daerah … --tahun …\n"
        f"lalu: cd {made} && make build   (semua laporan dan portalnya ke site/)."
    )
    return 0


def build(folder: Path, only: list[str], pdf: bool, report_only: bool, from_ci: Path | None) -> int:
    """Build the changed reports (`only`: just these `kantor/tahun`), then publish the portal.
    `from_ci`: build none, take what the CI's matrix jobs built from that folder (`ci.py`)."""
    try:
        portal = workspace.read(_workspace(folder))
        entries = workspace.reports(portal)
        chosen = [] if from_ci else _chosen(entries, only)
        versions = Versions(portal.folder)
        with versions.lock():
            started = time.monotonic()
            if from_ci:
                came = ci.take_results(portal, entries, from_ci)
                print(f"{came} laporan dibangun oleh job CI; yang lain dari build terakhir.", file=sys.stderr)
            if chosen:
                print(f"Memeriksa {len(chosen)} laporan ({builds.jobs()} sekaligus)…", file=sys.stderr)
            built = builds.build_all(portal, chosen, pdf, say=lambda line: print(line, file=sys.stderr))
            done = {outcome.entry.key: outcome for outcome in built}
            outcomes = [done.get(entry.key) or builds.last(portal, entry) for entry in entries]
            if report_only:
                outcomes = built
            for outcome in outcomes:
                for line in outcome.errors if outcome.failed else ():
                    print(f"  {outcome.entry.key}: {line}", file=sys.stderr)
            if not report_only:
                site = assemble.assemble(portal, results.load(outcomes), versions)
                seconds = fmt.angka(Decimal(f"{time.monotonic() - started:.1f}"), 1)
                if site is None:
                    print(f"Portal tidak berubah: site/ tetap ({seconds} detik).", file=sys.stderr)
                else:
                    print(f"Portal terbit di {site} ({seconds} detik).", file=sys.stderr)
    except workspace.PortalError as error:
        print(f"Gagal: {error}.", file=sys.stderr)
        return 2
    except Busy:
        print("Gagal: build portal lain sedang berjalan di folder ini; tunggu sampai selesai.", file=sys.stderr)
        return 2
    except NotAFolder as error:
        print(f"Gagal: {error} bukan folder; hapus lalu ulangi.", file=sys.stderr)
        return 2
    failed = [outcome for outcome in outcomes if outcome.failed]
    if failed:
        print(f"{len(failed)} dari {len(outcomes)} laporan gagal dibangun: lihat di atas.", file=sys.stderr)
        return 1
    return 0


def plan(folder: Path, since: str, output: str, part: str) -> int:
    """The reports to build: changed since revision `since` (all of them without it)."""
    try:
        portal = workspace.read(_workspace(folder))
        keys = ci.changed(portal, workspace.reports(portal), since)
    except workspace.PortalError as error:
        print(f"Gagal: {error}.", file=sys.stderr)
        return 2
    if output == "github":
        print(ci.matrix_json(keys))
    else:
        print(" ".join(ci.share(keys, part)))
    return 0


def write_ci(folder: Path, service: str) -> int:
    try:
        portal = workspace.read(_workspace(folder))
        written = ci.write(portal, service, workspace.reports(portal))
    except workspace.PortalError as error:
        print(f"Gagal: {error}.", file=sys.stderr)
        return 1
    for path in written:
        print(f"Ditulis: {path.relative_to(portal.folder)}")
    return 0


def _workspace(folder: Path) -> Path:
    found = workspace.find(folder.resolve())
    if found is None:
        raise workspace.PortalError(f"{folder} bukan folder portal (tanpa {workspace.CONFIG}); buat: lkj portal new")
    return found


def _chosen(entries: list, only: list[str]) -> list:
    """The reports named (`kantor/tahun`), or all of them."""
    if not only:
        return entries
    known = {entry.key: entry for entry in entries}
    unknown = [key for key in only if key not in known]
    if unknown:
        raise workspace.PortalError(f"laporan tidak ada di {workspace.REPORTS}/: {', '.join(unknown)}")
    return [known[key] for key in only]
