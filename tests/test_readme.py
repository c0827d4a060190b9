"""The README's Python examples run as written (documentation that cannot drift)."""

import re
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_blocks_run(monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    monkeypatch.chdir(ROOT)
    ns: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for block in blocks:
            exec(compile(block, "README.md", "exec"), ns)  # noqa: S102 - our own README
    # spot-check claims the README makes in comments
    assert ns["rg"].critical_discount(ns["grim"]) == 1 / 2
    assert ns["p"].classify(credibility_loss="1/2") == "tolerated probing"
    assert ns["g"].is_degenerate()
    assert ns["gt"].read_nfg(ns["g"].to_nfg()) == ns["g"]


def test_readme_quick_start_has_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", quick, re.S)
    assert [c.strip() for c in commands] == [
        "pip install . && gametheory report --out report",
        'pip install -e ".[test]" && pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]"' in ci and "pytest" in ci


def test_readme_api_index_is_current_and_complete():
    import importlib.util

    import gametheory as gt

    spec = importlib.util.spec_from_file_location("api_index", ROOT / "tools" / "api_index.py")
    api_index = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api_index)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert api_index.render(readme) == readme, "run `python tools/api_index.py`"
    for name in gt.__all__:
        assert f"`gt.{name}`" in readme, name
