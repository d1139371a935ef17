"""The quote engine and the readers are plain Python: no Django, no network, no model."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", ["wire.quotes", "wire.formats", "wire.evaluation"])
def test_importing_needs_no_django(module):
    check = (
        f"import sys, {module}; "
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_of_the_quote_engine_imports_django_or_a_model_library():
    forbidden = ("django", "spacy", "nltk", "stanza", "transformers", "torch", "requests")
    for path in sorted((ROOT / "wire" / "quotes").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not [n for n in names if n.split(".")[0] in forbidden], (path.name, names)
