r"""Sources: what the user asked to analyse, resolved once into a typed value.

A source is named by text: a model of the catalog (``chicken``, with a variant
``probe_response:posture``), a scenario file (``.toml``) or a game file (``.nfg``; any
suffix of the file-reader registry). :func:`resolve_source` reads or builds it **once**
into a :class:`Source` that holds the game :math:`G` (a
:class:`~gametheory.ParametricGame` :math:`G(\theta)` keeps its formulas), the parameter
point :math:`\theta` analysed, and what came with it (the game tree for subgame
perfection, the repeated variant, the scenario with its sweep grid, the citation). The
commands and the report job are then handed that value; nothing parses a file twice.

Resolving a model name against the catalog is the application's job: :mod:`gametheory.io`
sits below :mod:`gametheory.models` and only reads files.

Examples
--------
>>> from gametheory.app.sources import resolve_source
>>> src = resolve_source("chicken", {"fight_cost_defender": 4})
>>> src.kind, src.parametric, src.numeric.shape, dict(src.values)
('model', True, (2, 2), {'fight_cost_defender': 4})
>>> resolve_source("probe_response").tree is not None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from ..core.game import NormalFormGame
from ..core.parametric import ParametricGame
from ..core.tree import GameTree
from ..errors import GameError, ParameterError
from ..io import READERS  # file suffix -> reader: the io layer's one registry
from ..io.scenario import Scenario

__all__ = ["Source", "SourceKind", "RepeatedModel", "DEFAULT_MODEL", "resolve_source"]

#: The model analysed when no source is given (``gametheory report``).
DEFAULT_MODEL = "probe_response"

SourceKind = Literal["model", "scenario", "file"]



@runtime_checkable
class RepeatedModel(Protocol):
    """A repeated game with a credibility threshold on the discount factor.

    ``credibility_threshold()`` is :math:`\\delta^*(\\theta)` as a formula,
    ``critical_discount_at(**values)`` its value at a point (None when no
    :math:`\\delta \\in [0, 1)` works).
    """

    @property
    def stage(self) -> ParametricGame: ...

    def credibility_threshold(self, at: dict | None = None) -> Any: ...

    def critical_discount_at(self, **values: Any) -> Any: ...


@dataclass(frozen=True)
class Source:
    r"""A resolved source: the game, the point :math:`\theta` analysed and their origin.

    Attributes
    ----------
    kind : {"model", "scenario", "file"}
        A catalog model, a scenario file or another game file.
    origin : str
        What was asked for: the model name (``name[:variant]``) or the file path.
    game : ParametricGame or NormalFormGame
        The normal form analysed (a sequential model's reduced normal form of plans; a
        repeated model's stage game).
    values : dict of str to Fraction
        Parameter values overriding the defaults (empty: the defaults).
    name : str
        A display name (the game's title is preferred where one is set).
    tree : GameTree or None
        The sequential game behind ``game``, for subgame perfection.
    repeated : RepeatedModel or None
        The repeated variant.
    scenario : Scenario or None
        The scenario file's content (its ``[sweep]`` grid among it).
    description, citation : str
    """

    kind: SourceKind
    origin: str
    game: ParametricGame | NormalFormGame
    values: Mapping[str, Fraction] = field(default_factory=dict)
    name: str = ""
    tree: GameTree | None = None
    repeated: RepeatedModel | None = None
    scenario: Scenario | None = None
    description: str = ""
    citation: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", dict(self.values))
        object.__setattr__(self, "name", self.name or self.origin)
        if self.values and not self.parametric:
            raise ParameterError(f"parameter values {sorted(self.values)} given, but "
                                 f"{self.name} has no parameters")
        _ = self.numeric  # the point must satisfy the bounds and constraints

    @property
    def parametric(self) -> bool:
        """Whether the game has parameters (payoffs as formulas)."""
        return isinstance(self.game, ParametricGame)

    @cached_property
    def numeric(self) -> NormalFormGame:
        r"""The game at the point analysed: :math:`G(\theta)` (or the numeric game)."""
        return self.game.at(**self.values) if isinstance(self.game, ParametricGame) \
            else self.game

    def with_values(self, values: Mapping[str, Any]) -> Source:
        """The same source at other parameter values (defaults fill the rest)."""
        return replace(self, values=dict(values))

    def sweep_grid(self) -> dict[str, np.ndarray]:
        """The scenario file's ``[sweep]`` grid (a copy), empty for other sources."""
        return self.scenario.sweep_grid() if self.scenario is not None else {}


def resolve_source(source: str | Path | None, values: Mapping[str, Any] | None = None
                   ) -> Source:
    """Read or build a source once: a catalog model, a scenario file or a game file.

    Parameters
    ----------
    source : str, pathlib.Path or None
        A file path with a suffix of :data:`gametheory.io.READERS` (or an existing file,
        read as a scenario), else a catalog name, optionally ``name:variant``. ``None`` and
        ``"probe_response"`` are the sequential probe-versus-response model with its tree
        and repeated variant.
    values : dict, optional
        Parameter values (exact text or numbers) overriding the defaults.

    Returns
    -------
    Source

    Raises
    ------
    GameError
        An unknown model or variant, a bad file (ScenarioError, ParseError naming the
        line), or values for a game without parameters or outside the bounds.
    OSError
        When a file cannot be read (FileNotFoundError for a missing one).

    Examples
    --------
    >>> src = resolve_source("probe_response:posture")
    >>> src.kind, src.origin, src.game.shape
    ('model', 'probe_response:posture', (2, 3))
    """
    values = dict(values or {})
    if source is None or source == DEFAULT_MODEL:
        return _default_model(values)
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in READERS or path.is_file():
        if not path.exists():
            what = "scenario file" if suffix == ".toml" else "file"
            raise FileNotFoundError(f"no such {what}: {source}")
        return _from_file(path, READERS.get(suffix, READERS[".toml"]), values)
    return _from_catalog(str(source), values)


def _default_model(values: dict[str, Any]) -> Source:
    from .. import models
    from ..models.probe_response import sequential_normal_form

    return Source(kind="model", origin=DEFAULT_MODEL, game=sequential_normal_form(),
                  values=values, name="probe_response (sequential)",
                  tree=models.probe_response("sequential"),
                  repeated=models.probe_response("repeated"),
                  description="Cheap deniable probes against an alliance (docs/model.md)",
                  citation="docs/model.md; Schelling (1966); Snyder (1961); Zagare and "
                           "Kilgour (2000)")


def _from_file(path: Path, reader: Callable[[Path], Any], values: dict[str, Any]) -> Source:
    read = reader(path)
    if isinstance(read, Scenario):
        return Source(kind="scenario", origin=str(path), game=read.game, values=values,
                      scenario=read, description=read.description, citation=read.source)
    if isinstance(read, GameTree):
        return Source(kind="file", origin=str(path), game=read.to_normal_form(),
                      values=values, tree=read)
    if isinstance(read, NormalFormGame | ParametricGame):
        return Source(kind="file", origin=str(path), game=read, values=values)
    raise GameError(f"{path}: the reader returned a {type(read).__name__}, not a game")


def _from_catalog(text: str, values: dict[str, Any]) -> Source:
    from ..models import catalog

    name, _, variant = text.partition(":")
    entry = catalog()[name]  # GameError naming the models when unknown
    if variant and variant not in entry.variants:
        accepted = (f"its variants are {', '.join(entry.variants)}" if entry.variants
                    else "it has no variants")
        raise GameError(f"model {name!r} has no variant {variant!r}; {accepted} "
                        f"(see 'gametheory models')")
    built = entry.build(variant) if variant else entry.build()
    common = {"kind": "model", "origin": text, "values": values,
              "description": entry.title, "citation": entry.citation}
    if isinstance(built, GameTree):
        return Source(game=built.to_normal_form(), tree=built, **common)
    if isinstance(built, RepeatedModel):
        return Source(game=built.stage, repeated=built, **common)
    if isinstance(built, NormalFormGame | ParametricGame):
        return Source(game=built, **common)
    raise GameError(f"model {text!r} builds a {type(built).__name__}, which has no two-player "
                    "normal form to analyse; choose a normal-form or sequential model")
