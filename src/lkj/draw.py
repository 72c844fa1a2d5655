"""A chart model (`charts.py`) drawn as static SVG with matplotlib: same chart, same bytes.

Readable without colour: every series has its own hatching or marker, every bar or point
carries its figure in Indonesian style, and a bar's status is written beside it. Text stays
text (`svg.fonttype: none`): it can be found and copied, and the file is a tenth of the size
of outlined glyphs; laid out for DejaVu Sans (wider than the sans-serif a browser falls back
to, so a label never outgrows its place). Labels from data are plain text: mathtext is off,
so `$x$` in a name is shown as written, and matplotlib escapes `<` and `&` in the XML.
"""

import io
import textwrap
from decimal import Decimal

from . import fmt
from .charts import KUALITATIF, TERCAPAI, TIDAK, TIDAK_TERUKUR, Chart

# Colour-blind safe (Okabe–Ito) and apart in grey; hatching and words carry the same meaning.
BLUE, ORANGE, GREY, SKY = "#0072B2", "#E69F00", "#999999", "#56B4E9"
STATUS_STYLE = {  # colour, hatch, the word written after the figure
    TERCAPAI: (BLUE, "", ""),
    TIDAK: (ORANGE, "xx", " (tidak tercapai)"),
    KUALITATIF: (GREY, "", " (kualitatif, tanpa persentase)"),
    TIDAK_TERUKUR: (GREY, "", " (belum dapat diukur)"),
}
# (dotted hatches are drawn as hundreds of circles: line hatches only, they keep the SVG small)
SERIES_STYLE = [
    (SKY, "///", "o"),
    (BLUE, "", "s"),
    (ORANGE, "\\\\", "^"),
    ("#009E73", "xx", "D"),
    ("#CC79A7", "--", "v"),
]
RC = {
    "svg.hashsalt": "lkj",  # ids from the content, not random
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 10,  # the PDF's smallest text is 8 pt: no label of a chart is smaller
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
WIDTH_INCHES = 6.69  # the PDF's text width (170 mm): 10 pt text stays about 9 pt on paper; the website scales it
# The PDF's own sans (the shipped DejaVu Sans Condensed, narrower than the DejaVu Sans the
# layout was measured with), then DejaVu Sans, then the reader's sans-serif: text always fits.
FONT_FAMILY = b"font-family: 'LKj Sans', 'DejaVu Sans', sans-serif"
LABEL_WIDTH = 42  # characters per line of a bar's label
LABEL_LINES = 3  # a longer label is shortened (" …"); the data table and the alt text have it whole


def svg(chart: Chart) -> bytes:
    import matplotlib  # imported only when a chart is drawn (it takes a few tenths of a second)
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(WIDTH_INCHES, _height(chart)))
        axes = figure.add_subplot()
        (_bars if chart.kind == "batang" else _lines)(axes, chart)
        axes.xaxis.set_major_formatter(_formatter()) if chart.kind == "batang" else None
        axes.yaxis.set_major_formatter(_formatter()) if chart.kind == "garis" else None
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": "LKj"})
    return out.getvalue().replace(b"font-family: 'DejaVu Sans'", FONT_FAMILY)


def _height(chart: Chart) -> float:
    if chart.kind == "garis":
        return 3.6
    labels = chart.series[0].bars
    lines = sum(len(_wrap(bar.label).splitlines()) for bar in labels)
    return max(2.2, 0.9 + 0.16 * lines * 1.0 + 0.18 * len(labels) * len(chart.series))


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, LABEL_WIDTH, max_lines=LABEL_LINES, placeholder=" …")) or label


def _formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: fmt.angka(Decimal(str(float(value))), 0 if float(value).is_integer() else 1))


def _bars(axes, chart: Chart) -> None:
    labels = [bar.label for bar in chart.series[0].bars]
    count, width = len(chart.series), 0.8 / len(chart.series)
    top = max([float(b.value) for s in chart.series for b in s.bars if b.value is not None] + [1.0])
    if chart.reference is not None:
        top = max(top, float(chart.reference))
    for index, series in enumerate(chart.series):
        colour, hatch, _ = SERIES_STYLE[index % len(SERIES_STYLE)]
        for position, bar in enumerate(series.bars):
            y = position + (index - (count - 1) / 2) * width
            note = ""
            if bar.status:
                colour, hatch, note = STATUS_STYLE[bar.status]
            length = float(bar.value) if bar.value is not None else 0.0
            if bar.value is not None:
                axes.barh(y, length, height=width * 0.9, color=colour, hatch=hatch, edgecolor="black", linewidth=0.5)
            text = bar.text + note
            if count > 1:
                text = f"{series.name}: {text}"
            axes.text(length + top * 0.01, y, text, va="center", ha="left", fontsize=10)
    axes.set_yticks(range(len(labels)), [_wrap(label) for label in labels], fontsize=10)
    axes.invert_yaxis()  # the first line of the table at the top
    axes.set_xlim(0, top * (1.3 if count == 1 else 1.6))  # room for the labels at the bars' ends
    axes.set_xlabel(f"({chart.unit})")
    if chart.reference is not None:
        axes.axvline(float(chart.reference), color="black", linestyle="--", linewidth=1)
        axes.set_xlabel(f"({chart.unit}); garis putus-putus: target {fmt.angka(chart.reference)}%")
    if count > 1:
        axes.legend(
            handles=[_patch(SERIES_STYLE[i][0], SERIES_STYLE[i][1], s.name) for i, s in enumerate(chart.series)],
            loc="lower right",
            fontsize=10,
            frameon=False,
        )
    axes.grid(axis="x", color="#dddddd", linewidth=0.5)
    axes.set_axisbelow(True)


def _patch(colour: str, hatch: str, label: str):
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, hatch=hatch, edgecolor="black", linewidth=0.5, label=label)


def _lines(axes, chart: Chart) -> None:
    labels = list(dict.fromkeys(bar.label for series in chart.series for bar in series.bars))
    for index, series in enumerate(chart.series):
        colour, _, marker = SERIES_STYLE[index % len(SERIES_STYLE)]
        points = [(labels.index(bar.label), bar) for bar in series.bars if bar.value is not None]
        xs = [x for x, _ in points]
        ys = [float(bar.value) for _, bar in points]
        axes.plot(
            xs,
            ys,
            marker=marker,
            color=colour,
            linewidth=1.5,
            markersize=6,
            markeredgecolor="black",
            label=_wrap(series.name),
        )
        for x, bar in points if len(chart.series) == 1 else ():  # several lines: labels would collide; the
            axes.annotate(  # values are in the data table under the chart and in its text alternative
                bar.text, (x, float(bar.value)), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=10
            )
    axes.set_xticks(range(len(labels)), labels)
    axes.set_xlim(-0.5, len(labels) - 0.5)
    axes.set_ylabel(f"({chart.unit})")
    low, high = axes.get_ylim()
    axes.set_ylim(min(0, low), high * 1.15)
    if chart.reference is not None:
        axes.axhline(float(chart.reference), color="black", linestyle="--", linewidth=1)
        axes.set_ylabel(f"({chart.unit}); garis putus-putus: {fmt.angka(chart.reference)}%")
    if len(chart.series) > 1:
        axes.legend(loc="lower left", fontsize=10, frameon=False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.5)
    axes.set_axisbelow(True)
