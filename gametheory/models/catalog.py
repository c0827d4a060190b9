"""The catalog of named, cited model families: what each is, where it comes from, what it shows.

:func:`catalog` returns a :class:`Catalog`, a tuple of :class:`CatalogEntry` values (one
per model function), printable as text, renderable in Jupyter and convertible to a
pandas DataFrame. The entries are read from the model registry
(:mod:`gametheory.models.registry`), where each model registers its metadata next to its
code; each entry's parameters are read from the game its function builds (unless the
model declares them), so the catalog cannot drift from the models.

Examples
--------
>>> import gametheory as gt
>>> cat = gt.models.catalog()
>>> cat["chicken"].citation
'Maynard Smith (1974); Maynard Smith (1982); Snyder and Diesing (1977)'
>>> cat["chain_store"].build().backward_induction()[0].labels
('In', 'Accommodate if entered')
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cache
from typing import Any, SupportsIndex, overload

from .._lazy import lazy
from ..errors import GameError
from .kit import parameter_names
from .registry import MODELS, Builder, ModelInfo, variant_names

pd = lazy("pandas")

__all__ = ["CatalogEntry", "Catalog", "catalog"]


@dataclass(frozen=True)
class CatalogEntry:
    """One model family of the catalog.

    Attributes
    ----------
    name : str
        The function's name in :mod:`gametheory.models`.
    function : callable
        Builds the model; keyword arguments override parameter defaults.
    title : str
        What the model is, in a line.
    result : str
        The published result it reproduces.
    citation : str
        Short citation (full references in the function's module docstring).
    returns : str
        ``"ParametricGame"``, ``"GameTree"``, another result type, or (for families) the
        type of each variant.
    variants : tuple of str
        Variant names, for families with variants.
    parameters : tuple of str
        Parameter names (of all variants, for families).
    """

    name: str
    function: Builder = field(repr=False)
    title: str
    result: str
    citation: str
    returns: str
    variants: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()

    def build(self, *args: Any, **overrides: Any) -> Any:
        """Call the model function (``variant`` first for families)."""
        return self.function(*args, **overrides)

    @property
    def doc(self) -> str:
        """The function's docstring: game, timing, payoffs, closed form, citation."""
        return self.function.__doc__ or ""


class Catalog(tuple[CatalogEntry, ...]):
    """A tuple of :class:`CatalogEntry` with lookup by name and table views.

    Examples
    --------
    >>> import gametheory as gt
    >>> cat = gt.models.catalog()
    >>> "probe_response" in cat.names()
    True
    >>> list(cat.to_frame().columns)[:3]
    ['name', 'title', 'citation']
    """

    @overload  # type: ignore[override]
    def __getitem__(self, key: str | SupportsIndex) -> CatalogEntry: ...

    @overload
    def __getitem__(self, key: slice) -> tuple[CatalogEntry, ...]: ...

    def __getitem__(self, key: str | SupportsIndex | slice
                    ) -> CatalogEntry | tuple[CatalogEntry, ...]:
        if isinstance(key, str):
            for entry in self:
                if entry.name == key:
                    return entry
            raise GameError(f"no model {key!r} in the catalog; models: "
                            f"{', '.join(e.name for e in self)}")
        return super().__getitem__(key)

    def names(self) -> list[str]:
        """The model names, in catalog order."""
        return [e.name for e in self]

    def rows(self) -> list[dict[str, str]]:
        """One dict per model: name, title, citation, result, returns, variants, parameters."""
        return [{"name": e.name, "title": e.title, "citation": e.citation,
                 "result": e.result, "returns": e.returns,
                 "variants": ", ".join(e.variants), "parameters": ", ".join(e.parameters)}
                for e in self]

    def to_frame(self) -> pd.DataFrame:
        """The catalog as a pandas DataFrame, one row per model."""
        return pd.DataFrame(self.rows())

    def __str__(self) -> str:
        lines = []
        for e in self:
            lines.append(f"{e.name}: {e.title} [{e.citation}]")
            lines.append(f"    result: {e.result}")
            if e.variants:
                lines.append(f"    variants: {', '.join(e.variants)}")
            lines.append(f"    parameters: {', '.join(e.parameters)}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{h}</th>" for h in ("model", "what", "result", "citation",
                                                 "variants"))
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in
                             (e.name, e.title, e.result, e.citation, ", ".join(e.variants)))
            + "</tr>" for e in self)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@cache
def _built_parameters(info: ModelInfo) -> tuple[str, ...]:
    """A model's parameter names: declared, or read from its game at the defaults."""
    if info.parameters is not None:
        return info.parameters
    return parameter_names(info.function())


def _entry(info: ModelInfo) -> CatalogEntry:
    return CatalogEntry(info.name, info.function, info.title, info.result, info.citation,
                        info.returns, variant_names(info.name), _built_parameters(info))


def catalog() -> Catalog:
    """Every model of :mod:`gametheory.models`: name, citation, result, parameters, variants.

    Returns
    -------
    Catalog
        A tuple of :class:`CatalogEntry`, one per registered model in registration order;
        ``str()`` gives a text listing, ``.to_frame()`` a pandas DataFrame,
        ``cat["chicken"]`` one entry.

    Examples
    --------
    >>> import gametheory as gt
    >>> cat = gt.models.catalog()
    >>> cat["probe_response"].variants
    ('sequential', 'posture', 'swarm', 'bayesian', 'repeated', 'alliance', 'observed-posture',
     'partial-posture')
    >>> cat["inspection_game"].parameters
    ('violation_gain', 'penalty', 'inspection_cost', 'violation_loss')
    """
    return Catalog(_entry(info) for info in MODELS.values())
