"""Reading the raw sources, refusing any whose SHA-256 differs from `seeds/SHA256SUMS`.

The seeds are never edited by hand; a changed byte means a corrupted copy, and everything
downstream (page markers, emendation targets, the fidelity test) would silently shift.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .datafiles import decoded, read_text
from .errors import EditionError, shortened

SUMS_FILE = "SHA256SUMS"


def expected_sums(seed_dir: Path) -> dict[str, str]:
    """File name → SHA-256, from the `sha256sum`-format list beside the seeds."""
    path = seed_dir / SUMS_FILE
    sums = {}
    text = read_text(path, "list of the seeds' checksums")
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            raise EditionError(path, number, f"expected '<sha256>  <file name>', got {shortened(line)!r}")
        sums[parts[1].lstrip("*")] = parts[0]
    return sums


def read_seed(seed_dir: Path, name: str) -> str:
    """The text of one seed, after checking it against its recorded checksum."""
    sums = expected_sums(seed_dir)
    path = seed_dir / name
    if name not in sums:
        raise EditionError(seed_dir / SUMS_FILE, None, f"no checksum recorded for {name}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise EditionError(path, None, "the seed is missing (copy it again from the source)") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != sums[name]:
        crlf = b"\r\n" in data and hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest() == sums[name]
        hint = (" its line ends were converted to CRLF (by git's autocrlf or an editor): check it out again "
                "with .gitattributes in place" if crlf else
                " the seed is corrupted or was edited (copy it again from the source)")
        raise EditionError(path, None, f"checksum mismatch: expected {sums[name]}, found {actual};{hint}")
    return decoded(path, data)
