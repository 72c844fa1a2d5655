"""MkDocs hooks of this report (mkdocs.yml `hooks:`); they live in the toolkit (`lkj_site.hooks`)."""

from lkj_site.hooks import *  # noqa: F403 - every event the toolkit handles (its __all__)
