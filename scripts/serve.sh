#!/usr/bin/env bash
# Set everything up and serve the site on http://127.0.0.1:8000 (rebuilds on every change).
set -euo pipefail
source "$(dirname "$0")/setup-env.sh"
exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000 "$@"
