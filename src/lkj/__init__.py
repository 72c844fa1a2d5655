"""The core of the LKj toolkit: everything about a report's figures, nothing about MkDocs or WeasyPrint.

- `settings.py`: the report's settings, declared once with types and defaults;
- `csvfile.py`, `schema.py`, `rows.py`, `validate.py`, `consistency.py`, `findings.py`, `load.py`:
  the data files read, checked, typed into rows, and checked against each other;
- `compute.py`: exact capaian, serapan and totals, and the formulas' text;
- `fmt.py`, `satuan.py`: Indonesian number style (the only rounding), units;
- `report.py`: the figures a chapter asks for; `tables.py`: the tables as models;
- `html.py`: all the HTML of the report; text from data made inert.
"""
