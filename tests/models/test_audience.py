"""Audience costs as a public red line (complete-information tying hands: Schelling 1960;
Fearon 1997): the red line is credible iff
the audience cost exceeds the net cost of responding, checked by backward induction."""

from __future__ import annotations

from fractions import Fraction

import gametheory as gt

F = Fraction


def test_red_line_is_credible_iff_audience_cost_exceeds_net_cost_of_responding():
    tree = gt.models.audience_costs()
    base = {n: p.default for n, p in ((p.name, p) for p in tree.parameters)}
    h, rU, k = base["probe_damage"], base["credibility_loss"], base["response_cost"]
    assert h + rU < k  # without a red line the Defender would back down
    for a in (F(0), F(1), F(2), F(5, 2), F(3), F(10)):
        spes = tree.backward_induction(audience_cost=a)
        nash = {e.pure_labels() for e in tree.to_normal_form().at(audience_cost=a).equilibria()
                if e.is_pure}
        assert all(e.labels in nash for e in spes)
        if h + rU + a > k:
            assert [e.path for e in spes] == [("Red line", "Refrain")]
        elif h + rU + a < k and a > 0:  # the red line would be tested and cost a
            assert [e.path for e in spes] == [("Silent", "Probe", "Back down")]
        else:  # tie after a red line: both replies are subgame perfect
            assert any(e.ties for e in spes)
    # Without audience costs, a red line is cheap talk: it does not change the outcome.
    assert {e.path[1:] for e in tree.backward_induction(audience_cost=0)} == \
        {("Probe", "Back down")}
