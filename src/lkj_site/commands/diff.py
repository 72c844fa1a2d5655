"""`lkj diff BASE [HEAD]` (`make diff BASE=…`): what a change moves, for the reviewer of a pull
request, in Indonesian Markdown.

Both revisions are checked out in temporary git worktrees (the working tree is never
touched) and built without the PDF, each with its own toolkit where the revision carries it
(`src/`), in two processes at once (once, when both hold the same files), with the user's
cache (SECURITY.md: a revision's code runs as the user). Their snapshots (`snapshot.py`) are
compared: published figures that changed, appeared or disappeared; data rows added, removed or
changed (csv-diff); the text a reader sees, word by word; data warnings new or resolved. Exit 0
either way.
"""

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lkj.settings import SKALA_BAWAAN

from ..review import snapshot

NO_CHANGE = "Tidak ada angka yang berubah."
CONTEXT = 6  # words shown around a changed word


def main(project: Path, base: str, head: str = "HEAD") -> int:
    try:
        print(report(project, base, head))
    except DiffError as error:
        print(f"lkj diff gagal: {error}", file=sys.stderr)
        return 1
    return 0


class DiffError(Exception):
    """The revisions cannot be compared; the message says why, in Indonesian."""


def report(project: Path, base: str, head: str) -> str:
    project = project.resolve()
    top = Path(_git(project, "rev-parse", "--show-toplevel").strip())
    inside = project.relative_to(top)
    with tempfile.TemporaryDirectory(prefix="lkj-diff-") as work:
        work = Path(work)
        trees, contents = {}, {}
        for name, revision in (("dasar", base), ("ubahan", head)):
            commit = _git(project, "rev-parse", "--verify", f"{revision}^{{commit}}").strip()
            contents[name] = _git(project, "rev-parse", f"{commit}^{{tree}}").strip()
            trees[name] = (revision, commit, work / name / inside)
        # the same files in both (a commit that changes nothing, or only its message): built once
        built = ("dasar",) if contents["dasar"] == contents["ubahan"] else ("dasar", "ubahan")
        for name in built:
            _git(project, "worktree", "add", "--detach", "--quiet", str(work / name), trees[name][1])
        try:
            builds = {name: _start(trees[name][2], work / f"site-{name}") for name in built}
            for name, process in builds.items():
                _, error = process.communicate(timeout=900)
                if process.returncode != 0:
                    last = (error.strip().splitlines() or ["(tanpa pesan)"])[-1]
                    raise DiffError(f"build {trees[name][0]} gagal: {last}")
            before, after = (
                snapshot.take(work / f"site-{name}", trees[name][2] / "data", _levels(trees[name][2]))
                for name in (built[0], built[-1])
            )
        finally:
            for name in built:
                _git(project, "worktree", "remove", "--force", str(work / name))
    return markdown(before, after, (trees["dasar"][0], trees["dasar"][1]), (trees["ubahan"][0], trees["ubahan"][1]))


def _start(project: Path, site_dir: Path) -> subprocess.Popen:
    """A build of `project` (no PDF) in its own process, with the revision's own toolkit if it has one."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    own = project / "src"
    if (own / "lkj_site").is_dir():
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(own), environment.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "lkj_site.builder.run", str(project), str(site_dir)]
    return subprocess.Popen(
        command, cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _levels(project: Path):
    """The qualitative scales of the revision's settings (its data warnings depend on them)."""
    import yaml

    from lkj.settings import SettingsError

    from ..builder.project import project_config

    try:
        return project_config(project)[1].tingkat_kualitatif
    except (OSError, yaml.YAMLError, SettingsError):
        return SKALA_BAWAAN


def _git(project: Path, *args: str) -> str:
    if shutil.which("git") is None:
        raise DiffError("git tidak terpasang")
    result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DiffError(f"git {' '.join(args[:2])}: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    return result.stdout


# --- the report ----------------------------------------------------------------------------------


def markdown(before: snapshot.Snapshot, after: snapshot.Snapshot, base: tuple, head: tuple) -> str:
    before, after = _inert_snapshot(before), _inert_snapshot(after)
    lines = [f"## Perubahan laporan: `{base[0]}` ({base[1][:7]}) → `{head[0]}` ({head[1][:7]})", ""]
    lines += _section("Angka yang berubah", _figures(before.figures, after.figures), NO_CHANGE)
    lines += _section(
        "Data yang berubah", snapshot.rows_changed(before.rows, after.rows), "Tidak ada baris data yang berubah."
    )
    lines += _section("Teks bab yang berubah", _text(before.text, after.text), "Tidak ada teks bab yang berubah.")
    lines += _section("Peringatan data", _warnings(before.warnings, after.warnings), "Tidak ada peringatan baru.")
    return "\n".join(lines).rstrip() + "\n"


_MARKUP = str.maketrans({c: "\\" + c for c in "\\`*[]{}!|~#"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})
_EMPHASIS = re.compile(r"(?<!\w)_|_(?!\w)")  # inside a word (kode_sasaran) `_` emphasises nothing


def _inert(value) -> str:
    """Text from the report or its data as inert Markdown on one line: a link, an image, emphasis,
    an attribute list or an HTML tag in a cell is shown as written, never acted on (an `<img>` in
    the pull request's comment would make its host fetch the address)."""
    return _EMPHASIS.sub(r"\\_", " ".join(str(value).split()).translate(_MARKUP))


def _inert_snapshot(taken: snapshot.Snapshot) -> snapshot.Snapshot:
    return snapshot.Snapshot(
        figures={_inert(key): _inert(value) for key, value in taken.figures.items()},
        text={_inert(page): [_inert(p) for p in paragraphs] for page, paragraphs in taken.text.items()},
        rows={
            file: {_inert(key): {_inert(c): _inert(v) for c, v in row.items()} for key, row in rows.items()}
            for file, rows in taken.rows.items()
        },
        warnings=[_inert(line) for line in taken.warnings],
    )


def _section(title: str, items: list[str], nothing: str) -> list[str]:
    return [f"### {title}", "", *(items or [nothing]), ""]


def _figures(before: dict, after: dict) -> list[str]:
    changed = [
        f"- {key}: **{before[key]} → {after[key]}**" for key in after if key in before and before[key] != after[key]
    ]
    added = [f"- {key}: baru, **{after[key]}**" for key in after if key not in before]
    removed = [f"- {key}: hilang (sebelumnya {before[key]})" for key in before if key not in after]
    return changed + added + removed


def _text(before: dict, after: dict) -> list[str]:
    lines = []
    for page in list(after) + [p for p in before if p not in after]:
        old, new = before.get(page, []), after.get(page, [])
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for operation, a1, a2, b1, b2 in matcher.get_opcodes():
            if operation == "equal":
                continue
            pairs = list(zip(old[a1:a2], new[b1:b2], strict=False))
            for number, (was, now) in enumerate(pairs, start=b1 + 1):
                lines.append(f"- **{page}**, paragraf {number}: {_words(was, now)}")
            for was in old[a1 + len(pairs) : a2]:
                lines.append(f"- **{page}**: paragraf dihapus: ~~{_clip(was)}~~")
            for number, now in enumerate(new[b1 + len(pairs) : b2], start=b1 + len(pairs) + 1):
                lines.append(f"- **{page}**, paragraf {number} baru: {_clip(now)}")
    return lines


def _words(was: str, now: str) -> str:
    """The words that changed, ~~old~~ **new**, with a few words of context around them."""
    old, new = was.split(), now.split()
    operations = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    parts = []
    for index, (operation, a1, a2, b1, b2) in enumerate(operations):
        if operation == "equal":
            words = new[b1:b2]
            first, last = index == 0, index == len(operations) - 1
            if first and len(words) > CONTEXT:
                words = ["…", *words[-CONTEXT:]]
            elif last and len(words) > CONTEXT:
                words = [*words[:CONTEXT], "…"]
            elif len(words) > 2 * CONTEXT:
                words = [*words[:CONTEXT], "…", *words[-CONTEXT:]]
            parts.append(" ".join(words))
            continue
        if a2 > a1:
            parts.append(f"~~{' '.join(old[a1:a2])}~~")
        if b2 > b1:
            parts.append(f"**{' '.join(new[b1:b2])}**")
    return " ".join(parts)


def _clip(text: str, words: int = 25) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _warnings(before: list, after: list) -> list[str]:
    new = [f"- baru: {line}" for line in after if line not in before]
    resolved = [f"- selesai: ~~{line}~~" for line in before if line not in after]
    return new + resolved
