"""mkdocs-with-pdf's event hook: the plugin imports this file by its name, from the project root.

The hooks live in the toolkit (`lkj_pdf.event_hook`).
"""

from lkj_pdf.event_hook import inject_link, pre_pdf_render

__all__ = ["inject_link", "pre_pdf_render"]
