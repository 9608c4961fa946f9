"""The seeds are the raw sources, byte for byte: their SHA-256 must match the recorded sums."""

import hashlib
from pathlib import Path

from edition import seeds

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_every_seed_matches_its_recorded_checksum():
    sums = seeds.expected_sums(SEEDS)
    assert set(sums) == {"article-body.txt", "journal-page.txt"}
    for name, expected in sums.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == expected, name


def test_no_file_in_seeds_goes_unchecked():
    listed = set(seeds.expected_sums(SEEDS)) | {seeds.SUMS_FILE}
    assert {path.name for path in SEEDS.iterdir()} == listed
