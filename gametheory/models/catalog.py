"""The catalog of named, cited model families: what each is, where it comes from, what it shows.

:func:`catalog` returns a :class:`Catalog`, a tuple of :class:`CatalogEntry` values (one
per model function), printable as text, renderable in Jupyter and convertible to a
pandas DataFrame. Each entry's parameters are read from the game its function builds,
so the catalog cannot drift from the models.

Examples
--------
>>> import gametheory as gt
>>> cat = gt.models.catalog()
>>> cat["chicken"].citation
'Maynard Smith and Price (1973); Snyder and Diesing (1977)'
>>> cat["chain_store"].build().backward_induction()[0].labels
('In', 'Accommodate if entered')
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import GameError
from .alliance import burden_sharing, consensus_stag_hunt, volunteers_dilemma
from .attribution import attribution_game
from .chain_store import chain_store
from .crisis import audience_costs, chicken, deterrence_game, inspection_game, stag_hunt
from .probe_response import CORE_PARAMETERS, PARAMETERS, VARIANTS, probe_response
from .repeated_probe import reputation_probe_response

__all__ = ["CatalogEntry", "Catalog", "catalog"]


def _parameter_names(obj: Any) -> tuple[str, ...]:
    """Parameter names of a ParametricGame, GameTree or BayesianGame."""
    names = getattr(obj, "parameter_names", None)
    if names is not None:
        return tuple(names)
    params = getattr(obj, "parameters", ())
    return tuple(p if isinstance(p, str) else p.name for p in params)


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
    function: Callable[..., Any] = field(repr=False)
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


class Catalog(tuple):
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

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
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

    def to_frame(self) -> Any:
        """The catalog as a pandas DataFrame, one row per model."""
        import pandas as pd

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


_SPECS: tuple[tuple[Callable[..., Any], str, str, str, str], ...] = (
    (probe_response, "Cheap deniable probes against an alliance: refrain or probe; "
     "under-react, intercept or retaliate",
     "six regimes from no incentive to probe to escalation spiral; non-credible threats "
     "in the normal form; mixed probing under readiness costs or uncertain resolve",
     "MODEL.md; Schelling (1966); Snyder (1961); Zagare and Kilgour (2000)",
     "GameTree (sequential, bayesian) | ParametricGame (posture, alliance) | "
     "RepeatedProbeResponse (repeated)"),
    (chain_store, "Chain-store stage game: entry, then fight or accommodate",
     "unique SPE (In, Accommodate); (Out, Fight) rests on a non-credible threat",
     "Selten (1978)", "GameTree"),
    (deterrence_game, "Rudimentary asymmetric deterrence with one-sided incomplete "
     "information about the Defender's resolve",
     "Challenger defects iff credibility p < (u_DC - u_SQ)/(u_DC - u_DD)",
     "Zagare and Kilgour (2000)", "GameTree"),
    (chicken, "Chicken / Hawk-Dove with asymmetric stakes and fight costs",
     "pure (Hawk, Dove), (Dove, Hawk); mixed Hawk probability V_j/C_j; symmetric ESS V/C",
     "Maynard Smith and Price (1973); Snyder and Diesing (1977)", "ParametricGame"),
    (stag_hunt, "Stag Hunt: alliance cohesion under the security dilemma",
     "two strict equilibria; cooperation risk-dominates iff R - T > P - S",
     "Jervis (1978); Harsanyi and Selten (1988)", "ParametricGame"),
    (inspection_game, "Inspection game: comply or violate, inspect or trust",
     "unique mixed equilibrium; violation rate c/l independent of the penalty (Tsebelis "
     "paradox)", "Tsebelis (1989); Avenhaus, von Stengel and Zamir (2002)",
     "ParametricGame"),
    (volunteers_dilemma, "Two-member volunteer's dilemma: who intercepts",
     "one volunteer in pure equilibria; mixed: member i intercepts w.p. 1 - c_j/b_j",
     "Diekmann (1985)", "ParametricGame"),
    (consensus_stag_hunt, "Retaliation that needs consensus of two allies",
     "Stag Hunt; joint support risk-dominates iff (g1-k1)(g2-k2) > x1 x2",
     "Jervis (1978); Harsanyi and Selten (1988)", "ParametricGame"),
    (burden_sharing, "Burden sharing of air defence as a public good",
     "contributing dominant iff b_i > c: the great carry the small (under-provision)",
     "Olson and Zeckhauser (1966)", "ParametricGame"),
    (attribution_game, "Deniable probes under imperfect attribution",
     "mixed: probe w.p. fk/(fk + a(r_U - k)), retaliate on a signal w.p. "
     "(v - c_p)/((a - f)s)", "after Baliga, Bueno de Mesquita and Wolitzky (2020)",
     "ParametricGame"),
    (audience_costs, "Audience costs: a public red line ties the Defender's hands",
     "red line credible iff h + r_U + a > k; then the Aggressor refrains",
     "Fearon (1994)", "GameTree"),
    (reputation_probe_response, "A finite campaign of probes against a Defender who may "
     "be tough: Kreps-Wilson reputation with MODEL.md's payoffs",
     "a weak Defender intercepts early probes to keep a reputation; probing starts only "
     "in the last stages", "Kreps and Wilson (1982); Milgrom and Roberts (1982)",
     "ChainStore"),
)


def _entry(fn: Callable[..., Any], title: str, result: str, citation: str,
           returns: str) -> CatalogEntry:
    if fn is probe_response:
        variants = VARIANTS
        params = tuple(PARAMETERS)
    elif fn is reputation_probe_response:
        variants = ()
        params = ("stages", "prior", *CORE_PARAMETERS)
    else:
        variants = ()
        params = _parameter_names(fn())
    return CatalogEntry(fn.__name__, fn, title, result, citation, returns, variants, params)


_CACHE: list[Catalog] = []


def catalog() -> Catalog:
    """Every model of :mod:`gametheory.models`: name, citation, result, parameters, variants.

    Returns
    -------
    Catalog
        A tuple of :class:`CatalogEntry`; ``str()`` gives a text listing,
        ``.to_frame()`` a pandas DataFrame, ``cat["chicken"]`` one entry.

    Examples
    --------
    >>> import gametheory as gt
    >>> cat = gt.models.catalog()
    >>> cat["probe_response"].variants
    ('sequential', 'posture', 'swarm', 'bayesian', 'repeated', 'alliance')
    >>> cat["inspection_game"].parameters
    ('violation_gain', 'penalty', 'inspection_cost', 'violation_loss')
    """
    if not _CACHE:
        _CACHE.append(Catalog(_entry(*spec) for spec in _SPECS))
    return _CACHE[0]
