"""Publication output: payoff, equilibrium, regime and threshold tables; figures.

:mod:`gametheory.report.tables` (``gt.tables``) writes LaTeX (Osborne's ``sgame`` and
``booktabs``), Markdown, HTML and text; :mod:`gametheory.report.figures`
(``gt.figures``) draws regime maps, equilibrium paths, tornado charts and folk regions.
"""
