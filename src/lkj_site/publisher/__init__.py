"""A built site made public (`lkj build`): a new version staged beside the published one
(`stage.py`), its text files pre-compressed (`compress.py`), then swapped in in one atomic
step (`versions.py`)."""
