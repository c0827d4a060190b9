"""The package version, in one place (base layer: anything may import it).

``pyproject.toml`` reads it (``[tool.setuptools.dynamic]``), ``gametheory.__version__``
re-exports it and ``gametheory --version`` prints it.

Examples
--------
>>> from gametheory._version import __version__
>>> __version__.count(".") >= 1
True
"""

__version__ = "0.1.0"
