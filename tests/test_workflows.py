"""The GitHub workflows are safe and do what the README says: zizmor (offline) finds nothing;
git trusts the checkout before anything runs in the container; each job gets only the
permissions it needs; every action is pinned to a commit of its current major version; the
checkout keeps no credentials; one push runs the test suite once, and the Pages deploy ships
the site that run built."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# The current major version of each action used (checked against the actions' tags when pinned).
CURRENT_MAJOR = {"actions/checkout": 6, "actions/configure-pages": 6,
                 "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")
WRITE_PERMISSIONS = {"pages", "id-token"}


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, name, job) for path in WORKFLOWS for name, job in workflow(path)["jobs"].items()]


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def test_there_are_workflows():
    assert WORKFLOWS, "no workflow in .github/workflows"


def test_zizmor_finds_nothing():
    zizmor = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))
    if not Path(zizmor).exists():
        pytest.fail("zizmor is not installed (requirements.txt pins it)")
    result = subprocess.run([zizmor, "--offline", "--no-progress", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr, result.stdout + result.stderr


def test_git_trusts_the_workspace_before_anything_runs_in_a_container():
    for file, name, job in jobs():
        if "container" not in job:
            continue
        first = job["steps"][0]
        assert "run" in first, f"{file} {name}: the first step must trust the workspace for git"
        assert re.fullmatch(r'git config --global --add safe\.directory "\$GITHUB_WORKSPACE"\s*', first["run"]), \
            f"{file} {name}: first step is {first!r}"


def test_workflows_grant_nothing_by_default_and_each_job_only_what_it_needs():
    for path in WORKFLOWS:
        assert workflow(path).get("permissions") == {}, f"{path.name}: set `permissions: {{}}` at the top"
    deploy_jobs = []
    for file, name, job in jobs():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{file} {name}: no permissions block (it would get the defaults)"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if runs(job):
            # a job that runs the project's code (and its dependencies) can only read
            assert not writes, f"{file} {name} runs code and may write {sorted(writes)}"
            assert permissions.get("contents") == "read", f"{file} {name}"
        else:
            assert writes <= WRITE_PERMISSIONS, f"{file} {name} may write {sorted(writes)}"
        if writes:
            deploy_jobs.append((name, job))
    assert [name for name, _ in deploy_jobs] == ["deploy"]
    ((_, deploy),) = deploy_jobs
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_every_action_is_pinned_to_a_commit_of_its_current_major_version():
    seen = set()
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES.match(line)
            if not match:
                assert "uses:" not in line.split("#")[0], f"{path.name}:{number}: unreadable `uses:` line"
                continue
            action, ref, comment = match["action"], match["ref"], match["comment"] or ""
            where = f"{path.name}:{number}: {action}"
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{where} is pinned to {ref!r}, not a commit"
            version = re.fullmatch(r"v(\d+)\.\d+\.\d+", comment.strip())
            assert version, f"{where}: the comment must give the version the commit is ({comment!r})"
            assert action in CURRENT_MAJOR, f"{where}: an action this test does not know"
            assert int(version[1]) == CURRENT_MAJOR[action], f"{where} is {comment}, not v{CURRENT_MAJOR[action]}"
            seen.add(action)
    assert seen == set(CURRENT_MAJOR)


def test_checkouts_keep_no_credentials():
    for file, name, job in jobs():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{file} {name}"


def test_one_push_runs_the_suite_once_and_deploys_the_site_that_run_built():
    suite_runs = [(file, name) for file, name, job in jobs() for command in runs(job) if "scripts/test.sh" in command]
    assert len(suite_runs) == 1, f"the suite runs in {suite_runs}"
    ((file, tested),) = suite_runs
    assert {"push", "pull_request"} <= set(workflow(ROOT / ".github" / "workflows" / file)["on"])
    by_name = {name: job for job_file, name, job in jobs() if job_file == file}
    test_job, deploy = by_name[tested], by_name["deploy"]
    assert deploy["needs"] in (tested, [tested]), "the deploy must wait for the tests"
    steps = test_job["steps"]
    order = [step.get("uses", "").split("@")[0] or step["run"] for step in steps]
    suite = next(i for i, step in enumerate(order) if "scripts/test.sh" in step)
    upload = order.index("actions/upload-pages-artifact")
    build = next(i for i, step in enumerate(steps) if "mkdocs build" in step.get("run", ""))
    assert suite < build < upload, "the site is built after the tests pass and uploaded after it is built"
    env = steps[build]["env"]
    assert env["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}") and env["EDITION_PDF"] == "1"
    assert "--strict" in steps[build]["run"]
