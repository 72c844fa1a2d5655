"""The PDF for official submission, on top of mkdocs-with-pdf.

mkdocs-with-pdf combines the pages, adds its cover and table of contents, and calls
WeasyPrint; it has no hook for WeasyPrint's write options. This package fills that gap:

- `document.py` turns the combined HTML into the submission layout (front matter in
  roman numerals, Daftar Isi/Tabel/Gambar, fonts from the repository, metadata);
- `writer.py` renders it with PDF/A-3b, the data files attached, page labels and a
  build-independent identifier;
- `options.py`: those write options, alone (`make bench` gives WeasyPrint alone the same);
- `publish.py` puts the PDF's download links on the website, with its size and SHA-256;
- `event_hook.py`: mkdocs-with-pdf's documented events (the layout);
- `fetcher.py`: WeasyPrint reads only the project's own files, and what it read is recorded;
- `cache.py`: the PDF of an earlier build, used again when nothing it is made of changed;
- `submission.py`: what is submitted (metadata, attached data, what may be read), light;
- `plugin.py` is the MkDocs plugin (`lkj-pdf` in mkdocs.yml) that wires these in, and
  imports mkdocs-with-pdf and WeasyPrint only when the PDF is rendered.
"""
