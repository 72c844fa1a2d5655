"""The site layer of the LKj toolkit: a report built with MkDocs, published, reviewed, commanded.

Rooms, from the top down (a room imports only the rooms below it; `tests/test_architecture.py`
keeps it so, and finds any import circle):

- `commands/`: the `lkj` command, one module per command (`cli.py` reads the arguments);
  `template/` is the folder `lkj new` copies;
- `publisher/`: a built site made public: built as a new version (`stage.py`), pre-compressed
  (`compress.py`), swapped in atomically (`versions.py`);
- `builder/`: one MkDocs build of one report: hooks, macros, chapters, what the pages publish
  beside them (downloads, charts, open data, search index), the theme's pages;
- `review/`: what a reviewer reads: a snapshot of a build, the prose checks, the index of
  required contents;
- `messages.py` (MkDocs' and the system's words in Indonesian) and `processes.py` (children
  that die with their parent), used by every room.

Below them all is `lkj` (the domain: data, figures, tables, no MkDocs).
"""
