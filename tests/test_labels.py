"""Label validation shared by every game class: located errors, defaults, uniqueness."""

import pytest

from gametheory._labels import label_tuple, validate_labels
from gametheory.errors import LabelError


def test_defaults_and_valid_labels():
    assert label_tuple(None, 3, "strategies of Row", "R") == ("R1", "R2", "R3")
    assert label_tuple(["a", "b"], 2, "strategies of Row") == ("a", "b")
    assert label_tuple(("x",), None, "types") == ("x",)


@pytest.mark.parametrize("given, count, message", [
    ("ab", 2, "must be a sequence"),
    (["a"], 2, "has 1 labels but the payoffs have 2"),
    (["a", 3], 2, "label 1 is 3; labels must be strings"),
    (["a", ""], 2, "label 1 is empty"),
    (["a", "a"], 2, "label 'a' is used for strategies 0 and 1"),
    ([], None, "non-empty sequence"),
])
def test_bad_labels_are_refused_with_a_located_message(given, count, message):
    with pytest.raises(LabelError, match=message):
        label_tuple(given, count, "strategies of Row")


def test_validate_labels_checks_players_strategies_and_title():
    players, strategies, title = validate_labels(("A", "D"), None, "t", (2, 3))
    assert players == ("A", "D") and strategies == (("R1", "R2"), ("C1", "C2", "C3"))
    assert title == "t"
    with pytest.raises(LabelError, match="same name"):
        validate_labels(("A", "A"), None, "", (1, 1))
    with pytest.raises(LabelError, match="pair of names"):
        validate_labels(("A",), None, "", (1, 1))
    with pytest.raises(LabelError, match="title must be a string"):
        validate_labels(("A", "B"), None, 3, (1, 1))
    with pytest.raises(LabelError, match="strategies must be a pair"):
        validate_labels(("A", "B"), "ab", "", (1, 1))
