"""One MkDocs build of one report: the glue between MkDocs (with Material and mkdocs-macros)
and the domain (`lkj`).

- `run.py`: one build in this process, every failure told in one Indonesian line;
- `hooks.py`: MkDocs hooks (the site's identity from the settings, `guards.py`, the theme's
  Indonesian pages in `theme/`, the stylesheet and search script in `assets/`, `search.py`);
- `macros.py`: the report's macros for mkdocs-macros; `chapter.py` renders a chapter and says
  where a macro failed;
- `published.py`: what the blocks add beside their HTML (downloads, charts), `opendata.py`
  (the data files and datapackage.json), `freshness.py` (dates of change, from git);
- `project.py`: a report's mkdocs.yml read without building.
"""
