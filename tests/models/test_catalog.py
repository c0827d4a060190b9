"""The model catalog lists every registered model, with citations, results and the real
parameters, in registration order; a newly registered model appears in it."""

from __future__ import annotations

import re

import pytest

import gametheory as gt

CAT = gt.models.catalog()
SINGLE = [e for e in CAT if not e.variants and e.returns in ("ParametricGame", "GameTree")]


def test_catalog_lists_the_issue_models():
    required = {"probe_response", "chain_store", "deterrence_game", "chicken", "stag_hunt",
                "inspection_game", "volunteers_dilemma", "attribution_game", "audience_costs",
                "burden_sharing", "consensus_stag_hunt"}
    assert required <= set(CAT.names())
    assert len(CAT.names()) == len(set(CAT.names()))
    for name in CAT.names():
        assert getattr(gt.models, name) is CAT[name].function


def test_every_entry_cites_a_dated_source_and_documents_its_result():
    for e in CAT:
        assert re.search(r"\(\d{4}\)", e.citation), e.name
        doc = e.doc
        assert "Examples" in doc and ">>>" in doc, e.name
        assert e.result and e.title
        module_doc = __import__(e.function.__module__, fromlist=["_"]).__doc__
        first_author = e.citation.removeprefix("after ").split()[0].rstrip(",;")
        assert first_author in module_doc + doc or first_author == "docs/model.md", e.name


# Checked against the sources (title, year, venue) for issue 12, item 7.
CORRECTED_CITATIONS = {
    "chicken": ("Maynard Smith (1974)", "Maynard Smith (1982)", "Snyder and Diesing (1977)"),
    "stag_hunt": ("Jervis (1978)", "Skyrms (2004)", "Harsanyi and Selten (1988)"),
    "audience_costs": ("Schelling (1960)", "Fearon (1997)"),
    "attribution_game": ("Baliga, Bueno de Mesquita and Wolitzky (2020)", "monotone"),
    "deterrence_game": ("Zagare and Kilgour (2000)",),
}
CORRECTED_REFERENCES = {
    "chicken": ("The theory of games and the evolution of animal conflicts",
                "*Journal of Theoretical Biology* 47, 209-221",
                "*Evolution and the Theory of Games*. Cambridge University Press"),
    "stag_hunt": ("*The Stag Hunt and the Evolution of Social Structure*",),
    "audience_costs": ("*The Strategy of Conflict*", "tying hands versus sinking",
                       "*Journal of Conflict Resolution* 41(1), 68-90", "complete information"),
    "attribution_game": ("*American Political Science Review* 114(4), 1155-1178",
                         "only their *monotone* results"),
    "deterrence_game": ("can also make a\n    Defender Soft and so *lower* the threat's "
                        "credibility",),
}


@pytest.mark.parametrize("name", sorted(CORRECTED_CITATIONS))
def test_corrected_citations_and_their_references(name):
    """The catalog cites the right sources and the module's references spell them out."""
    e = CAT[name]
    for part in CORRECTED_CITATIONS[name]:
        assert part in e.citation, (name, part)
    assert "Price" not in e.citation and "Fearon (1994)" not in e.citation
    text = __import__(e.function.__module__, fromlist=["_"]).__doc__ + e.doc
    for part in CORRECTED_REFERENCES[name]:
        assert part in text, (name, part)


@pytest.mark.parametrize("entry", SINGLE, ids=lambda e: e.name)
def test_entry_parameters_are_the_built_games_parameters_and_it_solves(entry):
    obj = entry.build()
    if isinstance(obj, gt.ParametricGame):
        assert entry.parameters == obj.parameter_names
        assert entry.returns == "ParametricGame"
        assert obj.at().equilibria()
        # every parameter has a default, so the model is usable as is
        assert set(obj.defaults()) == set(obj.parameter_names)
    else:
        assert isinstance(obj, gt.GameTree)
        assert entry.returns == "GameTree"
        assert entry.parameters == tuple(p.name for p in obj.parameters)
        assert obj.backward_induction()


@pytest.mark.parametrize("entry", SINGLE, ids=lambda e: e.name)
def test_unknown_override_is_refused(entry):
    with pytest.raises(gt.ParameterError, match="not_a_parameter"):
        entry.build(not_a_parameter=1)


def test_reputation_entry_builds_a_chain_store_with_the_probe_payoffs():
    e = CAT["reputation_probe_response"]
    cs = e.build(stages=5, prior="1/5")
    assert cs.first_entry_market() is not None
    assert {"stages", "prior", "credibility_loss"} <= set(e.parameters)


def test_probe_response_family_entry():
    e = CAT["probe_response"]
    assert e.variants == ("sequential", "posture", "swarm", "bayesian", "repeated", "alliance",
                          "observed-posture", "partial-posture")
    assert isinstance(e.build("sequential"), gt.GameTree)
    assert isinstance(e.build("posture"), gt.ParametricGame)
    for name in ("credibility_loss", "interception_prob", "cohesion",
                 "readiness_cost_intercept"):
        assert name in e.parameters


def test_catalog_views():
    frame = CAT.to_frame()
    assert list(frame["name"]) == CAT.names()
    assert {"name", "title", "citation", "result", "parameters", "variants"} <= set(frame.columns)
    text = str(CAT)
    for name in CAT.names():
        assert f"{name}:" in text
    assert CAT._repr_html_().count("<tr>") == len(CAT) + 1
    assert CAT[0] is CAT["probe_response"]
    with pytest.raises(gt.GameError, match="chicken"):
        CAT["prisoners_dilemma"]


def test_a_registered_toy_model_appears_in_the_catalog_and_leaves_with_it():
    from gametheory.models.registry import register_model, unregister_model

    @register_model(title="A toy 2x2", result="none to speak of", citation="Toy (2026)",
                    returns="ParametricGame")
    def toy_model(**overrides):
        return gt.models.chicken(**overrides)

    try:
        cat = gt.models.catalog()
        assert cat.names()[-1] == "toy_model"
        assert cat["toy_model"].parameters == CAT["chicken"].parameters
        assert cat["toy_model"].citation == "Toy (2026)"
        assert "toy_model: A toy 2x2 [Toy (2026)]" in str(cat)
    finally:
        unregister_model("toy_model")
    assert "toy_model" not in gt.models.catalog().names()
    assert gt.models.catalog().names() == CAT.names()


def test_catalog_keeps_its_order():
    assert CAT.names() == [
        "probe_response", "chain_store", "deterrence_game", "chicken", "stag_hunt",
        "inspection_game", "volunteers_dilemma", "consensus_stag_hunt", "burden_sharing",
        "alliance_probe", "alliance_security_dilemma", "volunteers_dilemma_n",
        "asymmetric_volunteers_dilemma", "burden_sharing_n", "attribution_game",
        "audience_costs", "reputation_probe_response", "beer_quiche", "job_market",
        "spence_education",
        "learning_prober", "costly_signals", "deniable_probe", "attrition_campaign",
        "escalation_ladder"]
