"""MkDocs hooks of the report (mkdocs.yml `hooks:`): they only register, in event order.

- `lkj_build.guards`: docs/ publishes only chapters, stylesheets and images that really
  are in docs/, and every chapter is in `nav` (so in the site and the PDF);
- `lkj_pdf.hooks`: the submission PDF on top of mkdocs-with-pdf.
"""

import os

from lkj_build import guards
from lkj_pdf import hooks as pdf


def on_config(config):
    return pdf.on_config(config)


def on_files(files, config):
    guards.check_docs(files, config.docs_dir, os.path.dirname(config.config_file_path))
    return files


def on_nav(nav, config, files):
    guards.check_nav(nav, files)
    return pdf.on_nav(nav, config, files)


def on_post_build(config):
    pdf.on_post_build(config)
