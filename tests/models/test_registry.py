"""The model registry: models and variants register themselves where they are written."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.models import registry
from gametheory.models.probe_response import VARIANTS
from gametheory.models.registry import (
    MODELS,
    build_variant,
    register_model,
    register_variant,
    unregister_model,
    unregister_variant,
    variant_names,
)


def test_every_public_model_function_is_registered_under_its_name():
    for name, info in MODELS.items():
        assert getattr(gt.models, name) is info.function
        assert info.function.__name__ == name
        assert name in gt.models.__all__


def test_register_and_unregister_a_toy_model():
    @register_model(title="toy", result="r", citation="Toy (2026)", returns="str",
                    parameters=("a",))
    def toy(**overrides):
        return "built"

    try:
        assert MODELS["toy"].function is toy and MODELS["toy"].parameters == ("a",)
        assert list(MODELS)[-1] == "toy"
        register_model(title="toy", result="r", citation="Toy (2026)", returns="str")(toy)
        with pytest.raises(gt.GameError, match="already registered"):
            register_model(title="x", result="r", citation="c", returns="str",
                           name="toy")(lambda: None)
    finally:
        unregister_model("toy")
    assert "toy" not in MODELS


def test_a_registered_variant_is_dispatched_and_listed():
    @register_variant("probe_response", "toy")
    def toy_variant(**overrides):
        return ("toy", overrides)

    try:
        assert gt.models.probe_response("toy", x=1) == ("toy", {"x": 1})
        assert variant_names("probe_response")[-1] == "toy"
        assert gt.models.catalog()["probe_response"].variants[-1] == "toy"
        with pytest.raises(gt.GameError, match="already registered"):
            register_variant("probe_response", "toy")(lambda: None)
    finally:
        unregister_variant("probe_response", "toy")
    assert "toy" not in variant_names("probe_response")


def test_variants_are_found_without_the_family_importing_their_modules():
    # probe_response.py imports none of the modules that build its variants
    import ast
    import inspect

    from gametheory.models import probe_response as module

    tree = ast.parse(inspect.getsource(module))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {"alliance", "repeated_probe"} & imported
    assert build_variant("probe_response", "alliance").players == ("Frontline ally",
                                                                   "Rear ally")
    assert type(build_variant("probe_response", "repeated")).__name__ == \
        "RepeatedProbeResponse"


def test_a_declared_variant_without_a_builder_says_so():
    saved = registry._VARIANTS["probe_response"].pop("repeated")
    try:
        with pytest.raises(gt.GameError, match="'repeated' variant of probe_response is "
                                               "declared but no module registered"):
            gt.models.probe_response("repeated")
    finally:
        registry._VARIANTS["probe_response"]["repeated"] = saved
    assert variant_names("probe_response") == VARIANTS


@pytest.mark.parametrize("variant", ["spiral", ["posture"], None])
def test_unknown_variants_are_refused(variant):
    with pytest.raises(gt.GameError, match="unknown probe_response variant"):
        build_variant("probe_response", variant)
