"""A regency's portal: every office's report, every year, side by side (`lkj portal`).

- `workspace.py`: the workspace (`portal.yml`, `laporan/<kantor>/<tahun>/`);
- `builds.py`: the reports that changed built, several at once, each as `lkj build` builds it;
- `results.py`: each report's own computed results (`hasil.json`), which the portal shows;
- `pages.py`: the portal's pages (home, a page per office with its trend, the builds' status),
  built by MkDocs with the reports' look (`site.py`, `hooks.py`, `theme/`, `assets/`);
- `assemble.py`: the published portal: its pages, each report's site under `<kantor>/<tahun>/`
  sharing one copy of the theme's files, one search over all, the catalog (`catalog.py`),
  swapped in atomically;
- `ci.py`: the workflows that build the changed reports on a CI service's job matrix.
"""
