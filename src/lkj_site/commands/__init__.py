"""The `lkj` command, one module per command: `cli.py` reads the arguments and imports the one
that runs (`build.py`, `check.py`, `serve.py`, `diff.py`, `new.py` with `template/`). Nothing
outside this folder imports it."""
