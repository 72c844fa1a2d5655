"""Render one chapter's macros as a build would, without MkDocs: for the many ways a macro
call can fail, each checked in milliseconds (the whole path is checked by real builds)."""

from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml
from mkdocs.utils import meta
from mkdocs.utils.yaml import get_yaml_loader

from lkj_site.builder import chapter
from lkj_site.builder.macros import define_env


class Macros:
    """The part of mkdocs-macros' plugin that `lkj_site.builder.macros` uses, on one project."""

    def __init__(self, project: Path):
        with (project / "mkdocs.yml").open(encoding="utf-8") as file:
            self.conf = {"extra": yaml.load(file, Loader=get_yaml_loader())["extra"], "docs_dir": str(project / "docs")}
        self.project_dir = str(project)
        self.variables: dict = {}
        self.macros: dict = {}
        self.env = jinja2.Environment(undefined=jinja2.StrictUndefined)  # on_undefined: strict
        define_env(self)

    def macro(self, function, name: str) -> None:
        self.macros[name] = function
        self.variables[name] = function

    def render(self, path: Path) -> str:
        """The chapter at `path` with its macros run, or ChapterError as a build raises it."""
        body, front_matter = meta.get_data(path.read_text(encoding="utf-8-sig"))
        docs = path.parent
        self.page = SimpleNamespace(
            file=SimpleNamespace(src_uri=path.relative_to(docs).as_posix(), abs_src_path=str(path)),
            meta=front_matter,
            url="" if path.stem == "index" else f"{path.stem}/",
        )
        self.markdown = body
        self.variables["_lkj_report"].start_page(front_matter.get("bab"))
        return chapter.render(self)
