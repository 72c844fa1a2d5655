"""MkDocs hooks of this report (mkdocs.yml `hooks:`); they live in the toolkit (`lkj_site.builder.hooks`)."""

from lkj_site.builder.hooks import *  # noqa: F403 - every event the toolkit handles (its __all__)
