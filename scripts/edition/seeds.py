"""Reading the raw sources, refusing any whose SHA-256 differs from `seeds/SHA256SUMS`.

The seeds are never edited by hand; a changed byte means a corrupted copy, and everything
downstream (page markers, emendation targets, the fidelity test) would silently shift.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import EditionError

SUMS_FILE = "SHA256SUMS"


def expected_sums(seed_dir: Path) -> dict[str, str]:
    """File name → SHA-256, from the `sha256sum`-format list beside the seeds."""
    path = seed_dir / SUMS_FILE
    sums = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 64:
            raise EditionError(path, number, f"expected '<sha256>  <file name>', got {line!r}")
        sums[parts[1].lstrip("*")] = parts[0]
    return sums


def read_seed(seed_dir: Path, name: str) -> str:
    """The text of one seed, after checking it against its recorded checksum."""
    sums = expected_sums(seed_dir)
    path = seed_dir / name
    if name not in sums:
        raise EditionError(seed_dir / SUMS_FILE, None, f"no checksum recorded for {name}")
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != sums[name]:
        raise EditionError(path, None, f"checksum mismatch: expected {sums[name]}, found {actual}; "
                           "the seed is corrupted or was edited (copy it again from the source)")
    return data.decode("utf-8")
