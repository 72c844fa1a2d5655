"""MkDocs' warnings, and failures of the machine, told in Indonesian on one line.

Our own errors (data, chapters, the PDF) are Indonesian already. What MkDocs says
(a broken link, a page missing from `nav`) and what the machine says (a full disk, a
folder that cannot be written) is translated here, keeping the names it quotes.
"""

import errno
import re

# MkDocs 1.6 warnings -> Indonesian; the named groups are kept.
_WARNINGS = (
    (
        r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']*)', but the target(?: '[^']*')? is not found",
        "docs/{file}: tautan '{link}' tidak menuju ke halaman atau berkas mana pun di docs/; perbaiki tautannya",
    ),
    (
        r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']*)', but (?:there is no such anchor on this page"
        r"|the doc '[^']*' does not contain an anchor)",
        "docs/{file}: tautan '{link}' menuju ke bagian yang tidak ada; periksa judul bagian yang dituju",
    ),
    (
        r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']*)'",
        "docs/{file}: tautan '{link}' tidak dikenali; tautkan ke berkas .md di docs/",
    ),
    (
        r"Doc file '(?P<file>[^']+)' contains a link to '(?P<link>[^']*)' which is excluded",
        "docs/{file}: tautan ke '{link}', halaman yang tidak diterbitkan; hapus tautannya",
    ),
    (
        r"A reference to '(?P<link>[^']*)' is included in the 'nav' configuration, which is not found",
        "mkdocs.yml 'nav' menyebut '{link}', tetapi berkas itu tidak ada di docs/; perbaiki 'nav'",
    ),
    (  # mkdocs-with-pdf, strict: a link of the combined document without a target
        r"\s*\| (?P<link>#\S*)$",
        "PDF: tautan internal '{link}' tidak menuju ke bagian mana pun",
    ),
    (
        r"Config value '(?P<key>[^']*)': (?P<text>.*)",
        "mkdocs.yml, pengaturan '{key}': {text}",
    ),
)

_OS_ERRORS = {
    errno.ENOSPC: "disk penuh; kosongkan ruang disk lalu jalankan lagi",
    errno.EDQUOT: "kuota disk habis; kosongkan ruang disk lalu jalankan lagi",
    errno.EROFS: "sistem berkas hanya-baca; jalankan di folder yang dapat ditulis",
    errno.EACCES: "tidak ada izin; periksa pemilik dan izin folder itu",
    errno.EPERM: "tidak ada izin; periksa pemilik dan izin folder itu",
    errno.ENOENT: "berkas atau folder tidak ada",
    errno.EISDIR: "yang ada di sana sebuah folder, bukan berkas",
    errno.ENOTDIR: "ada berkas di tempat yang seharusnya folder",
    errno.EMFILE: "terlalu banyak berkas terbuka; tutup program lain lalu jalankan lagi",
}


def warning(message: str) -> str:
    """One MkDocs warning as an Indonesian line (unknown ones keep MkDocs' words)."""
    first = message.strip().splitlines()[0] if message.strip() else message
    for pattern, text in _WARNINGS:
        found = re.match(pattern, first)
        if found:
            return text.format(**found.groupdict())
    return f"MkDocs: {first}"


def os_error(error: OSError) -> str:
    """`tidak dapat menulis /x/y: disk penuh; ...`"""
    reason = _OS_ERRORS.get(error.errno, error.strerror or str(error))
    where = f" {error.filename}" if error.filename else ""
    return f"tidak dapat membaca atau menulis{where}: {reason}"


def unexpected(error: BaseException) -> str:
    """A defect of the project itself: still one line, the details on request."""
    return (
        f"galat tak terduga ({type(error).__name__}: {error}); laporkan ke pengelola proyek "
        "(jalankan dengan LKJ_DEBUG=1 untuk rinciannya)"
    )
