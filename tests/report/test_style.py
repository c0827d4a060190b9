"""gametheory.report.style: the Okabe-Ito palette, hatches and dashes that survive
greyscale, the rc settings, and reproducible PDF/PNG files."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from gametheory.report import style  # noqa: E402


def test_palette_is_okabe_ito_and_regions_differ_in_hatch():
    assert style.OKABE_ITO[:3] == ("#E69F00", "#56B4E9", "#009E73")
    hatches = [style.region_style(k)["hatch"] for k in range(7)]
    assert len(set(hatches)) == 7
    assert len({style.line_style(k)["linestyle"] for k in range(6)}) == 6


def test_styles_cycle():
    assert style.region_style(7)["facecolor"] == style.region_style(0)["facecolor"]
    assert style.line_style(len(style.DASHES))["linestyle"] == style.line_style(0)["linestyle"]


def test_figure_style_applies_and_restores_rc():
    before = matplotlib.rcParams["font.size"]
    with style.figure_style():
        assert matplotlib.rcParams["font.size"] == style.RC["font.size"]
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == "#0072B2"
    assert matplotlib.rcParams["font.size"] == before


def test_save_figure_replaces_suffix_and_is_reproducible(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    first = style.save_figure(fig, tmp_path / "sub" / "fig.png")
    assert [p.name for p in first] == ["fig.pdf", "fig.png"]
    pdf = first[0].read_bytes()
    style.save_figure(fig, tmp_path / "sub" / "fig", formats=("pdf",))
    assert first[0].read_bytes() == pdf  # no creation date in the PDF
    plt.close(fig)
