"""MkDocs hooks of this report (mkdocs.yml `hooks:`); they live in the toolkit (`lkj_site.hooks`)."""

from lkj_site.hooks import on_config, on_files, on_nav

__all__ = ["on_config", "on_files", "on_nav"]
