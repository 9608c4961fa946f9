"""The code passes the linter with the rules pyproject.toml sets ([tool.ruff]), so a new finding stops the suite."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ruff is installed in the same virtualenv as the interpreter running the tests (requirements.txt)
RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_finds_nothing_in_scripts_and_tests():
    result = subprocess.run([str(RUFF), "check", "--no-cache", "scripts", "tests"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"ruff check scripts tests:\n{result.stdout}{result.stderr}"
