"""The code's rooms (ARCHITECTURE.md): each imports only the rooms below it, and no module of
`src/` takes part in an import circle, whether the import is at the top of a file or inside a
function. Read from the source with `ast`: nothing is imported to check it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

# From the bottom up: a module may import its own room and the rooms listed before it.
ROOMS = (
    "lkj",
    "lkj_pdf",
    "lkj_site.messages",
    "lkj_site.processes",
    "lkj_site.review",
    "lkj_site.builder",
    "lkj_site.publisher",
    "lkj_site.portal",
    "lkj_site.commands",
    "lkj_site.__main__",
)
PACKAGES_ONLY = ("lkj_site",)  # a package whose __init__ holds only its description
OUTSIDE = {  # what a room must never import from outside the toolkit
    "lkj": ("mkdocs", "mkdocs_with_pdf", "weasyprint", "lkj_site", "lkj_pdf"),
    "lkj_pdf": ("lkj_site",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports (absolute names), wherever the import statement stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import x`: module x
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in SRC.rglob("*.py") if "template" not in path.parts}
    return {name: {target for target in imports(path) if target in modules} for name, path in modules.items()}


def room(module: str) -> int:
    if module in PACKAGES_ONLY:
        return 0
    matches = [index for index, name in enumerate(ROOMS) if module == name or module.startswith(name + ".")]
    assert matches, f"{module} is in no room of ROOMS (tests/test_architecture.py, ARCHITECTURE.md)"
    return max(matches)


def test_each_room_imports_only_the_rooms_below_it(graph):
    upward = [
        f"{module} -> {target}"
        for module, targets in graph.items()
        for target in targets
        if room(target) > room(module)
    ]
    assert upward == []


def test_the_domain_knows_nothing_of_mkdocs_nor_the_pdf():
    for top, forbidden in OUTSIDE.items():
        for path in (SRC / top).rglob("*.py"):
            wrong = [name for name in imports(path) if name.split(".")[0] in forbidden]
            assert wrong == [], path


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), or of one importing itself."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_anywhere_in_src(graph):
    # a package's __init__ importing its own modules is not a circle of behaviour: leave those edges out
    without_init_edges = {
        module: {t for t in targets if not t.startswith(module + ".")} for module, targets in graph.items()
    }
    assert cycles(without_init_edges) == []


def test_the_circle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_file_the_code_reads_beside_it_is_in_the_wheel():
    """A workspace's toolkit is a wheel (`lkj portal new`): templates, themes, scripts and CI files
    outside pyproject.toml's package-data are missing there (as the portal's were once)."""
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    for package, patterns in data.items():
        folder = ROOT / "src" / package
        packaged = {path for pattern in patterns for path in folder.glob(pattern) if path.is_file()}
        beside = {path for path in folder.rglob("*") if path.is_file() and path.suffix not in (".py", ".pyc")}
        assert beside <= packaged, sorted(str(path.relative_to(folder)) for path in beside - packaged)
