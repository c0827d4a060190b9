"""Publication output, rendering only: tables, figures, LaTeX documents and the figure style.

:mod:`gametheory.report.tables` (``gt.tables``) writes payoff, equilibrium, regime,
threshold and sweep-summary tables in every format of its registry (``FORMATS``: Osborne's
``sgame``, ``booktabs``, Markdown, HTML, text; one module each);
:mod:`gametheory.report.figures` (``gt.figures``) draws regime maps, equilibrium paths,
tornado charts and folk regions from data the analysis layer computes;
:mod:`gametheory.report.tree_tikz` draws game trees for papers (``GameTree.to_tikz``,
``istgame``) and :mod:`gametheory.report.tree_figure` for notebooks
(``gt.figures.draw_tree``), in one layout; :mod:`gametheory.report.latex` writes
compilable documents and :mod:`gametheory.report.style` holds the one plotting style.
"""
