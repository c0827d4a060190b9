"""Print-ready figure style: a colour-blind-safe palette, hatching for greyscale, sizes.

Colours are the eight of Okabe and Ito (2008), *Color Universal Design*
(https://jfly.uni-koeln.de/color/), distinguishable under the common forms of colour
blindness; regions also carry a hatch pattern and lines a dash pattern, so a figure
still reads when printed in greyscale (Wong 2011, "Points of view: Color blindness",
*Nature Methods* 8, 441). Figures are sized for a journal column (3.4 in) or page
width (7 in), and saved as vector PDF plus a 300 dpi PNG.

The house style (8-9 pt text, the palette as colour cycle, TrueType fonts in PDFs) is a
matplotlib style file shipped with the package, :data:`HOUSE_STYLE`, and is opt-in:
``with house_style(): ...``. Outside it the user's ``rcParams`` decide fonts and sizes.

Examples
--------
>>> from gametheory.report.style import OKABE_ITO, region_style
>>> OKABE_ITO[0], region_style(1)["hatch"]
('#E69F00', '//')
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["OKABE_ITO", "HATCHES", "DASHES", "MARKERS", "region_style", "line_style",
           "HOUSE_STYLE", "house_style", "save_figure"]

#: Okabe-Ito colours, black last (orange, sky blue, bluish green, yellow, blue,
#: vermillion, reddish purple, black).
OKABE_ITO: tuple[str, ...] = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
                              "#D55E00", "#CC79A7", "#000000")
#: Hatch patterns for regions, in the order of the palette (the first region is plain).
HATCHES: tuple[str, ...] = ("", "//", "..", "\\\\", "xx", "--", "||", "++", "oo", "**")
#: Dash patterns for lines.
DASHES: tuple[Any, ...] = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 2)),
                           (0, (8, 2)), (0, (3, 1, 1, 1)))
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")

#: The house style as a matplotlib style file (package data): 8-9 pt text, no top/right
#: spines, the palette as the colour cycle, TrueType fonts in PDFs, tight 300 dpi saves.
HOUSE_STYLE: Path = Path(__file__).with_name("gametheory.mplstyle")


def region_style(k: int) -> dict[str, Any]:
    """Face colour and hatch of the ``k``-th region (cycles after the palette's 7 colours).

    >>> region_style(0)
    {'facecolor': '#E69F00', 'hatch': '', 'edgecolor': '#333333'}
    """
    colours = OKABE_ITO[:7]
    return {"facecolor": colours[k % len(colours)], "hatch": HATCHES[k % len(HATCHES)],
            "edgecolor": "#333333"}


def line_style(k: int) -> dict[str, Any]:
    """Colour, dash pattern and marker of the ``k``-th line.

    >>> line_style(1)["linestyle"]
    '--'
    """
    order = (4, 5, 2, 0, 6, 1, 7, 3)  # dark colours first: they survive greyscale best
    return {"color": OKABE_ITO[order[k % len(order)]], "linestyle": DASHES[k % len(DASHES)],
            "marker": MARKERS[k % len(MARKERS)]}


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """Opt in to the house style (:data:`HOUSE_STYLE`) for the figures drawn inside.

    The figure functions of :mod:`gametheory.report.figures` choose their colours, hatches
    and dashes but read fonts, sizes, spines and save settings from the current
    ``matplotlib.rcParams``: by default the user's settings win. Inside this context
    manager the house style's settings apply; on exit the previous ones are restored
    (``matplotlib.pyplot.style.context``). The same file works with
    ``plt.style.use(HOUSE_STYLE)``.

    >>> import matplotlib
    >>> with house_style():
    ...     matplotlib.rcParams["pdf.fonttype"], matplotlib.rcParams["axes.spines.top"]
    (42, False)
    """
    import matplotlib.pyplot as plt

    with plt.style.context(HOUSE_STYLE):
        yield


def save_figure(fig: Any, path: str | Path, formats: Iterable[str] = ("pdf", "png"),
                dpi: int = 300) -> list[Path]:
    """Save ``fig`` as ``path.pdf`` and ``path.png`` (the suffix of ``path`` is replaced).

    Returns the written paths.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, tempfile, os
    >>> fig, ax = plt.subplots()
    >>> paths = save_figure(fig, os.path.join(tempfile.mkdtemp(), "fig"))
    >>> [p.suffix for p in paths], all(p.stat().st_size > 0 for p in paths)
    (['.pdf', '.png'], True)
    >>> plt.close(fig)
    """
    stem = Path(path)
    if stem.suffix.lower() in (".pdf", ".png", ".svg", ".eps"):
        stem = stem.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for fmt in formats:
        target = stem.with_suffix(f".{fmt}")
        fig.savefig(target, format=fmt, dpi=dpi, metadata=_metadata(fmt), bbox_inches="tight",
                    pad_inches=0.03)
        out.append(target)
    return out


def _metadata(fmt: str) -> dict[str, Any] | None:
    # no creation date: the same figure gives the same PDF bytes (reproducible builds)
    if fmt == "pdf":
        return {"CreationDate": None, "Creator": "gametheory"}
    if fmt == "png":
        return {"Software": "gametheory"}
    return None
