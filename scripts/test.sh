#!/usr/bin/env bash
# Set everything up (Debian packages from scripts/apt-packages.txt, the Python environment)
# and run every test, in parallel (pytest.ini). CI runs exactly this (.ci/run); its exit status
# is pytest's, so a failing test fails CI. Arguments go to pytest, e.g. the quick inner loop:
#   bash scripts/test.sh -m "not browser and not site"
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t packages < <(grep -v '^\s*#' scripts/apt-packages.txt | grep -v '^\s*$')
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
source scripts/setup-env.sh
exec .venv/bin/python -m pytest "$@"
