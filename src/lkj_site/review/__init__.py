"""What a reviewer reads: a snapshot of a build to compare two revisions (`snapshot.py`, for
`lkj diff`), the prose checks of `make check` (`prose.py`, with `kamus-dasar.txt`), and the index
of required contents (`kesesuaian.py`, also a table of the report's Lampiran)."""
