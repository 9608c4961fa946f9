# Sourced by serve.sh and test.sh: create the project's virtual environment (.venv) and install
# the pinned Python packages. Re-running it is cheap: pip skips what is already installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# the edition's own code (pyproject.toml), editable: the hooks and tests import it by name
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
# Material's end-of-life notice (5 May 2027) is left to print, once per run, where maintainers
# build and serve; only the tests silence it (README: "After Material 9").
