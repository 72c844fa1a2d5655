"""mkdocs-macros module of this report (`module_name: macros` in mkdocs.yml).

The macros live in the `lkj_site.builder` package of the toolkit; this file only hands them over.
"""

from lkj_site.builder.macros import define_env, on_post_build, on_pre_page_macros

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]
