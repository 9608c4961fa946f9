"""Engine insurance: MkDocs 1.6.1 is the last 1.x release and the 2.0 pre-releases run no plugins
or hooks, so the edition keeps a second engine that builds it today. ProperDocs (pinned in
requirements.txt), a maintained continuation of MkDocs 1.x, must build the same site from the
same mkdocs.yml, byte for byte, but for the generator tag each page names its engine in
(README: "After Material 9")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def tree(site: Path) -> dict[str, bytes]:
    return {file.relative_to(site).as_posix(): file.read_bytes() for file in sorted(site.rglob("*")) if file.is_file()}


def properdocs_build(destination: Path) -> subprocess.CompletedProcess:
    """`properdocs build --strict` of the project, reading mkdocs.yml as it is."""
    # as the `site` fixture's build (conftest.build_site): the default build, without SITE_URL
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--clean",
                           "-f", "mkdocs.yml", "-d", str(destination)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_properdocs_builds_the_same_site_but_for_the_generator_tag(site, tmp_path):
    result = properdocs_build(tmp_path / "properdocs")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    by_mkdocs, by_properdocs = tree(site), tree(tmp_path / "properdocs")
    assert sorted(by_mkdocs) == sorted(by_properdocs), "the two engines wrote different files"
    engines = set()
    for name, data in by_mkdocs.items():
        other = by_properdocs[name]
        if name.endswith(".html"):
            (mkdocs_generator,) = GENERATOR.findall(data)
            (properdocs_generator,) = GENERATOR.findall(other)
            engines.add((mkdocs_generator, properdocs_generator))
            data, other = GENERATOR.sub(b"", data), GENERATOR.sub(b"", other)
        assert data == other, f"{name} differs between MkDocs and ProperDocs"
    # each page names its engine: the comparison really was between the two
    ((mkdocs_generator, properdocs_generator),) = engines
    assert mkdocs_generator.startswith(b"mkdocs-1.6.1,") and b"ProperDocs 1.6.7" in properdocs_generator
