"""The build's date, so that two builds of the same sources are byte-identical: an explicit
SOURCE_DATE_EPOCH (the reproducible-builds convention), else the committer time of the last git
commit, which is when the sources last changed. There is no third choice: a build that took
today's date would differ from tomorrow's, so without either it stops and says what to do."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"

# `safe.directory=*` on git's command line (a protected setting, honoured there): in a CI
# container the checkout belongs to another user than the one running the build, and git then
# refuses the repository as of "dubious ownership" (actions/checkout#766). The build reads only
# the date of the commit it is building from, with a command that runs nothing the repository
# configures.
GIT_LOG = ["git", "-c", "safe.directory=*", "log", "-1", "--format=%ct"]


class BuildDateError(Exception):
    """No date the build can be reproduced with."""


def build_epoch(root: Path, environ: Mapping[str, str]) -> int:
    """SOURCE_DATE_EPOCH when set, else the last commit's time in the repository holding `root`."""
    given = environ.get(VARIABLE)
    if given is not None:
        if not given.isdigit():
            raise BuildDateError(f"{VARIABLE}={given!r} is not a whole number of seconds since 1970 "
                                 f"(for example {VARIABLE}=1561939200 for 1 July 2019)")
        return int(given)
    return last_commit_time(root)


def last_commit_time(root: Path) -> int:
    """Committer time of HEAD in the git repository holding `root`."""
    advice = (f"set {VARIABLE} to the sources' date in seconds since 1970 "
              f"(for example {VARIABLE}=1561939200 for 1 July 2019) to build anyway")
    try:
        result = subprocess.run(GIT_LOG, cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BuildDateError(f"the build takes its date from the last git commit, but git is not "
                             f"installed; {advice}") from None
    output = result.stdout.strip()
    if result.returncode == 0 and output.isdigit():
        return int(output)
    reason = next((line.strip() for line in result.stderr.splitlines() if line.strip()), "no commit found")
    raise BuildDateError(f"the build takes its date from the last git commit, and git could not give "
                         f"it for {root} ({reason}); {advice}")
