"""Dependencies (ASVS 5.0 v15.1.1, v15.2.1): every Python package pinned to one version,
transitive ones included, and the audit's policy: a known vulnerability fails CI, an audit
service that cannot be reached only warns (.ci/audit.py, SECURITY.md)."""
from __future__ import annotations

import importlib.util
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _pins(path: Path) -> dict[str, Requirement]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r"):
            pins.update(_pins(path.parent / line[2:].strip()))
        elif line:
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = requirement
    return pins


def _unpinned_dependencies(pins: dict[str, Requirement]) -> set[str]:
    missing = set()
    for name, requirement in pins.items():
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            missing.add(f"{name} (pinned but not installed)")
            continue
        for raw in requires:
            needed = Requirement(raw)
            wanted = needed.marker is None or any(needed.marker.evaluate({"extra": extra})
                                                  for extra in (requirement.extras or {""}))
            if wanted and canonicalize_name(needed.name) not in pins:
                missing.add(f"{needed.name} (needed by {name})")
    return missing


def test_v15_1_1_every_requirement_is_pinned_to_one_version_with_everything_it_needs():
    for name in ("requirements.txt", "requirements-test.txt", ".ci/requirements-audit.txt"):
        pins = _pins(ROOT / name)
        assert all(str(r.specifier).startswith("==") and len(r.specifier) == 1 for r in pins.values()), name
        if name != ".ci/requirements-audit.txt":  # installed in its own venv, not this one
            assert _unpinned_dependencies(pins) == set(), name


def test_the_direct_requirements_are_all_pinned_in_the_lock_files():
    for source, lock in (("requirements.in", "requirements.txt"), ("requirements-test.in", "requirements-test.txt")):
        direct, locked = _pins(ROOT / source), _pins(ROOT / lock)
        assert {n: str(r.specifier) for n, r in direct.items()} == {n: str(locked[n].specifier) for n in direct}


def _audit():
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_known_python_vulnerability_fails_and_an_unreachable_service_only_warns():
    audit = _audit()
    vulnerable = {"dependencies": [
        {"name": "flask", "version": "3.1.3", "vulns": [{"id": "PYSEC-2099-1", "aliases": ["CVE-2099-1"],
                                                         "fix_versions": ["3.1.4"]}]},
        {"name": "jinja2", "version": "3.1.6", "vulns": []}]}
    failures, warnings = audit.classify_pip_audit(vulnerable, {})
    assert failures == ["flask 3.1.3: PYSEC-2099-1 (fixed in 3.1.4)"] and warnings == []
    assert audit.classify_pip_audit(vulnerable, {"CVE-2099-1": "not reachable: we never call it"}) == ([], [])
    unanswered = {"dependencies": [{"name": "flask", "skip_reason": "Dependency not found on PyPI"}]}
    failures, warnings = audit.classify_pip_audit(unanswered, {})
    assert failures == [] and "could not check 1 of 1 packages" in warnings[0]
    assert audit.classify_pip_audit(None, {})[0] == []


def test_a_known_npm_vulnerability_fails_and_an_unreachable_registry_only_warns():
    audit = _audit()
    vulnerable = {"vulnerabilities": {"govuk-frontend": {
        "severity": "moderate", "via": [{"source": 1099, "url": "https://github.com/advisories/GHSA-xxxx"}]}},
        "metadata": {"vulnerabilities": {"moderate": 1}}}
    failures, warnings = audit.classify_npm_audit(vulnerable, {})
    assert failures and failures[0].startswith("govuk-frontend: moderate") and warnings == []
    assert audit.classify_npm_audit(vulnerable, {"GHSA-xxxx": "reason"}) == ([], [])
    failures, warnings = audit.classify_npm_audit(
        {"message": "405 Method Not Allowed", "statusCode": 405, "error": {}}, {})
    assert failures == [] and "could not reach" in warnings[0]
    assert audit.classify_npm_audit({"vulnerabilities": {}, "metadata": {}}, {}) == ([], [])
