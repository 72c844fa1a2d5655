"""Building and publishing the report: `make build`, `make check`.

- `__main__.py`: the commands (`python -m lkj_build build|check`);
- `publish.py`: one build at a time, each into its own folder, published by switching
  the `site` link in one atomic step;
- `run.py`: one MkDocs build in this process, every failure told in one Indonesian line;
- `messages.py`: MkDocs' warnings and errors of the machine in Indonesian;
- `guards.py`: what docs/ may publish, and that every chapter is in the report.
"""
