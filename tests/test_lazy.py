"""Deferred imports: nothing is imported until an attribute is used, then the real module
answers."""

import subprocess
import sys

from gametheory._lazy import lazy


def test_attribute_access_imports_the_real_module():
    fractions = lazy("fractions")
    assert fractions.Fraction(1, 2) + fractions.Fraction(1, 2) == 1


def test_import_gametheory_loads_no_heavy_library():
    code = ("import sys, gametheory; "
            "print(sorted(m for m in ('pandas', 'scipy.stats', 'SALib', 'matplotlib.pyplot') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]", f"imported eagerly: {out}"
