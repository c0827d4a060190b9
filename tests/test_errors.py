"""The error family: every toolkit error is a GameError (and a ValueError), and parse
errors say where."""

import pytest

from gametheory import errors


@pytest.mark.parametrize("cls", [errors.PayoffError, errors.LabelError, errors.ProfileError,
                                 errors.ParseError, errors.ParameterError,
                                 errors.ScenarioError, errors.SolverError])
def test_every_error_is_a_game_error(cls):
    assert issubclass(cls, errors.GameError) and issubclass(cls, ValueError)


def test_parse_error_locates_the_token():
    err = errors.ParseError("unexpected '$'", line=3, column=7, token="$")
    assert str(err) == "unexpected '$' (at line 3, column 7)"
    assert (err.line, err.column, err.token) == (3, 7, "$")
    assert str(errors.ParseError("bad")) == "bad"
    assert issubclass(errors.ScenarioError, errors.ParseError)
