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


def test_house_style_is_a_shipped_style_file_applied_only_inside_the_context():
    assert style.HOUSE_STYLE.name == "gametheory.mplstyle" and style.HOUSE_STYLE.is_file()
    shipped = matplotlib.rc_params_from_file(style.HOUSE_STYLE, use_default_template=False)
    before = matplotlib.rcParams["font.size"]
    with matplotlib.rc_context({"font.size": 17.0}):
        with style.house_style():
            assert matplotlib.rcParams["font.size"] == shipped["font.size"] != 17.0
            colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
            assert colours[0] == "#0072B2" and set(colours) <= set(style.OKABE_ITO)
            assert matplotlib.rcParams["pdf.fonttype"] == 42
        assert matplotlib.rcParams["font.size"] == 17.0  # the user's setting is back
    assert matplotlib.rcParams["font.size"] == before


def test_house_style_is_package_data():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml")
                              .read_text())
    data = pyproject["tool"]["setuptools"]["package-data"]["gametheory"]
    assert "report/*.mplstyle" in data


def test_save_figure_replaces_suffix_and_is_reproducible(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    first = style.save_figure(fig, tmp_path / "sub" / "fig.png")
    assert [p.name for p in first] == ["fig.pdf", "fig.png"]
    pdf = first[0].read_bytes()
    style.save_figure(fig, tmp_path / "sub" / "fig", formats=("pdf",))
    assert first[0].read_bytes() == pdf  # no creation date in the PDF
    plt.close(fig)
