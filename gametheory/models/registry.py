"""The model registry: each model registers itself, with its metadata, where it is written.

A model function is decorated with :func:`register_model`, which records what the catalog
shows (title, published result, citation, the type it returns, its parameters and declared
variants) beside the code; :func:`gametheory.models.catalog` reads :data:`MODELS`. A family
such as ``probe_response(variant)`` dispatches through :func:`build_variant`, and each
variant's builder registers itself with :func:`register_variant` in its own module, so the
family never imports the modules that build on it. Importing :mod:`gametheory.models`
imports every model module, which fills the registry; models register in that import
order, which is the catalog's order.

Adding a model is one new module with a decorated function, imported by
``gametheory/models/__init__.py``.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.models.registry import MODELS, build_variant
>>> MODELS["chicken"].citation
'Maynard Smith (1974); Maynard Smith (1982); Snyder and Diesing (1977)'
>>> build_variant("probe_response", "alliance", game="burden_sharing").players
('Large ally', 'Small ally')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import GameError

__all__ = ["MODELS", "ModelInfo", "build_variant", "register_model", "register_variant",
           "unregister_model", "unregister_variant", "variant_names"]

#: A model or variant builder: keyword overrides of parameter defaults in, a game out.
Builder = Callable[..., Any]
F = TypeVar("F", bound=Builder)


@dataclass(frozen=True)
class ModelInfo:
    """What a model registers about itself.

    Attributes
    ----------
    name : str
        The model's name in :mod:`gametheory.models` (by default, its function's name).
    function : callable
        Builds the model; keyword arguments override parameter defaults.
    title : str
        What the model is, in a line.
    result : str
        The published result it reproduces.
    citation : str
        Short citation (the full references are in its module's docstring).
    returns : str
        The type it builds (for a family, the type of each variant).
    variants : tuple of str
        The family's variants, in the order the catalog lists them.
    parameters : tuple of str or None
        Its parameter names; ``None``: read from the game it builds at its defaults.
    """

    name: str
    function: Builder = field(repr=False)
    title: str
    result: str
    citation: str
    returns: str
    variants: tuple[str, ...] = ()
    parameters: tuple[str, ...] | None = None


#: Every registered model by name, in registration order.
MODELS: dict[str, ModelInfo] = {}

#: The variant builders of each family: ``_VARIANTS[model][variant]``.
_VARIANTS: dict[str, dict[str, Builder]] = {}


def register_model(*, title: str, result: str, citation: str, returns: str,
                   variants: tuple[str, ...] = (), parameters: tuple[str, ...] | None = None,
                   name: str | None = None) -> Callable[[F], F]:
    """Decorator: add the function to :data:`MODELS` with its catalog metadata.

    Parameters
    ----------
    title, result, citation, returns
        See :class:`ModelInfo`.
    variants : tuple of str
        For families: the variants, each built by a :func:`register_variant` builder.
    parameters : tuple of str, optional
        Parameter names, when the function's default build does not show them all.
    name : str, optional
        Default: the function's ``__name__``.

    Raises
    ------
    GameError
        If another function is registered under the same name.

    Examples
    --------
    >>> @register_model(title="A toy", result="none", citation="Nobody (2026)",
    ...                 returns="str", parameters=())
    ... def toy(**overrides):
    ...     return "built"
    >>> MODELS["toy"].function()
    'built'
    >>> unregister_model("toy")
    """
    def decorate(fn: F) -> F:
        key = name or fn.__name__
        old = MODELS.get(key)
        if old is not None and old.function is not fn:
            raise GameError(f"a model named {key!r} is already registered "
                            f"(by {old.function.__module__})")
        MODELS[key] = ModelInfo(key, fn, title, result, citation, returns, tuple(variants),
                                None if parameters is None else tuple(parameters))
        return fn

    return decorate


def register_variant(model: str, variant: str) -> Callable[[F], F]:
    """Decorator: make the function build ``variant`` of the family ``model``.

    Examples
    --------
    >>> @register_variant("probe_response", "toy")
    ... def toy(**overrides):
    ...     return "a toy variant"
    >>> build_variant("probe_response", "toy"), variant_names("probe_response")[-1]
    ('a toy variant', 'toy')
    >>> unregister_variant("probe_response", "toy")
    """
    def decorate(fn: F) -> F:
        family = _VARIANTS.setdefault(model, {})
        old = family.get(variant)
        if old is not None and old is not fn:
            raise GameError(f"variant {variant!r} of {model} is already registered "
                            f"(by {old.__module__})")
        family[variant] = fn
        return fn

    return decorate


def variant_names(model: str) -> tuple[str, ...]:
    """The variants of a family: its declared ones, then any others registered.

    Examples
    --------
    >>> import gametheory as gt
    >>> variant_names("probe_response")[:3]
    ('sequential', 'posture', 'swarm')
    """
    info = MODELS.get(model)
    declared = info.variants if info is not None else ()
    return declared + tuple(v for v in _VARIANTS.get(model, {}) if v not in declared)


def build_variant(model: str, variant: str, /, **overrides: Any) -> Any:
    """Build one variant of a family, by the builder its module registered.

    Raises
    ------
    GameError
        For an unknown variant, or a declared one whose module has not registered it.
    """
    fn = _VARIANTS.get(model, {}).get(variant) if isinstance(variant, str) else None
    if fn is None:
        names = variant_names(model)
        if variant in names:
            raise GameError(f"the {variant!r} variant of {model} is declared but no module "
                            "registered a builder for it (is its module imported?)")
        raise GameError(f"unknown {model} variant {variant!r}; choose one of "
                        f"{', '.join(map(repr, names))}")
    return fn(**overrides)


def unregister_model(name: str) -> None:
    """Remove a model from :data:`MODELS` (for tests and interactive experiments)."""
    MODELS.pop(name, None)


def unregister_variant(model: str, variant: str) -> None:
    """Remove a variant builder (for tests and interactive experiments)."""
    _VARIANTS.get(model, {}).pop(variant, None)
