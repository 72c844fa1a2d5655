"""The site layer of the LKj toolkit: MkDocs, mkdocs-macros and the `lkj` command.

- `cli.py`: the `lkj` command (`lkj new`, `lkj check`, `lkj build`), also `python -m lkj_site`;
- `new.py` and `template/`: a new report folder for another office or year;
- `macros.py`: the report's macros registered for mkdocs-macros (their HTML from `lkj.html`);
  `chapter.py` renders a chapter and tells where a macro failed;
- `hooks.py`: MkDocs hooks (the site's identity from the settings, `guards.py`, the PDF);
- `publish.py`: one build at a time, each into its own folder, swapped in atomically;
- `run.py`: one MkDocs build in this process, every failure told in one Indonesian line;
  `messages.py`: MkDocs' warnings and errors of the machine in Indonesian;
- `check.py`: data and chapters checked without publishing; `opendata.py`: the data files
  published beside the site.
"""
