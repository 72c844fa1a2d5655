"""mkdocs-with-pdf's event hook: the plugin imports this file by its name, from the project root.

The download links it adds to the website live in the toolkit (`lkj_pdf.links`).
"""

from lkj_pdf.links import inject_link

__all__ = ["inject_link"]
