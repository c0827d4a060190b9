r"""Tables for papers: payoff, equilibrium, regime, threshold and sweep-summary tables.

A payoff table of a two-player game lists, for row strategy :math:`i` and column
strategy :math:`j`, the pair :math:`(A_{ij}, B_{ij})`. Row's payoff :math:`A_{ij}` is a
*best reply* when :math:`A_{ij} = \max_k A_{kj}` and column's :math:`B_{ij}` when
:math:`B_{ij} = \max_l B_{il}`; a cell where both are best replies is a pure Nash
equilibrium. Marking best replies (underlined, or starred) and boxing the equilibrium
cells is the textbook convention (Osborne, *An Introduction to Game Theory*, 2004,
sec. 2.8; Gibbons, *A Primer in Game Theory*, 1992, sec. 1.1.C).

Formats, one module each, registered in :data:`FORMATS` (:mod:`.registry`):

``"sgame"``
    Martin Osborne's ``sgame`` LaTeX package, the economists' layout
    (``\begin{game}{m}{n}[Row][Column]``); payoff tables only.
``"booktabs"``
    A ``tabular`` with ``booktabs`` rules, for journals that want plain tables.
``"markdown"``
    GitHub-flavoured Markdown; symbolic payoffs as ``$...$`` math.
``"html"``
    An HTML ``<table>`` (used for Jupyter's ``_repr_html_``); symbolic payoffs as
    MathJax ``\(...\)``.
``"text"``
    Aligned plain text for the terminal; best replies starred, equilibria in brackets.

Width. Every table function takes a LaTeX width policy, ``width="linewidth"`` by
default: the table is laid out to fit ``\linewidth`` (labels and headers wrapped at
spaces in a ``\begin{tabular}{@{}c@{}}`` cell, long symbolic payoffs and mixed
strategies on several lines, regime conditions broken inside their column) and whatever
is still wider than the line is scaled down to it with ``graphicx``'s ``\resizebox``
(never enlarged). ``width=None`` keeps the natural width. Markdown, HTML and text ignore
the policy. The compile tests check every table kind in the preamble below and in a
plain ``article`` with only :func:`~gametheory.report.latex.latex_packages`, and fail on
an ``Overfull \hbox`` wider than 1 pt.

A new format is one module with a :class:`TableFormat` and one :func:`register_format`
line in :mod:`.registry`. LaTeX output is escaped with
:func:`gametheory._latex.escape_latex` and compiles with the preamble of
:func:`standalone_document` (``inputenc``, ``amsmath``, ``graphicx``, ``booktabs``, ``sgame``).

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> print(gt.tables.payoff_table(pd, format="text"))
Row \ Column  C       D
C             3, 3    0, 5*
D             5*, 0   [1*, 1*]
"""

from ..._latex import escape_latex
from ..latex import standalone_document
from .assessments import assessment_table
from .base import ListTable, Math, PayoffGrid, Table, TableFormat, escape_markdown
from .equilibria import equilibrium_table
from .nplayer import nplayer_payoff_table
from .payoff import payoff_table
from .regimes import readable_condition, regime_table
from .registry import FORMATS, register_format, unregister_format
from .sweeps import sweep_summary_table
from .thresholds import threshold_table

__all__ = [
    "nplayer_payoff_table",
    "payoff_table",
    "equilibrium_table",
    "assessment_table",
    "regime_table",
    "threshold_table",
    "sweep_summary_table",
    "standalone_document",
    "escape_latex",
    "escape_markdown",
    "readable_condition",
    "Table",
    "Math",
    "FORMATS",
    "TableFormat",
    "PayoffGrid",
    "ListTable",
    "register_format",
    "unregister_format",
]
