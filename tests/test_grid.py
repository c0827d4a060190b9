"""Cell edges for grid plots: each value sits at the centre of its cell."""

import numpy as np
import pytest

from gametheory._grid import cell_edges


@pytest.mark.parametrize("values", [[0.0, 1.0, 3.0], [2.0], [-5.0, -1.0, 0.0, 10.0]])
def test_values_are_cell_centres(values):
    edges = cell_edges(np.array(values))
    assert len(edges) == len(values) + 1
    assert np.all(np.diff(edges) > 0)
    v = np.array(values)
    if len(v) > 1:
        # inner edges halfway between neighbours; the outer cells centred on the end values
        assert np.allclose(edges[1:-1], (v[1:] + v[:-1]) / 2)
        assert np.isclose((edges[0] + edges[1]) / 2, v[0])
        assert np.isclose((edges[-1] + edges[-2]) / 2, v[-1])


def test_single_value_gets_a_unit_cell():
    assert cell_edges(np.array([3.0])).tolist() == [2.5, 3.5]
