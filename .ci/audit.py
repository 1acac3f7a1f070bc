#!/usr/bin/env python3
"""Known-vulnerability audit of our pinned dependencies (SECURITY.md "Dependencies"), run by
.ci/run before the tests, or alone with `make audit`.

- Python: pip-audit (PyPI's vulnerability service) over requirements.txt and
  requirements-test.txt, exactly as pinned (--no-deps: every transitive package is pinned, a
  test checks that), from its own venv (.ci/.audit-venv, pinned in .ci/requirements-audit.txt).
- JavaScript: `npm audit --omit=dev`, the packages the site serves (govuk-frontend).

Policy: a known vulnerability FAILS (exit 1) unless .ci/audit-ignore.txt lists its id with a
reason. When a vulnerability service cannot be reached, or cannot say anything about a package,
that is a WARNING (exit 0): an outage must not block every change, and the warning is printed
on every run until the audit works again.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".ci" / ".audit-venv"
REQUIREMENTS = ("requirements.txt", "requirements-test.txt")


def ignored() -> dict[str, str]:
    """Vulnerability id -> why it does not apply (lines: `ID  reason`)."""
    path = ROOT / ".ci" / "audit-ignore.txt"
    out = {}
    for line in path.read_text().splitlines() if path.exists() else ():
        line = line.strip()
        if line and not line.startswith("#"):
            vuln_id, _, reason = line.partition(" ")
            out[vuln_id] = reason.strip()
    return out


def classify_pip_audit(report: dict | None, skip: dict[str, str]) -> tuple[list[str], list[str]]:
    """(failures, warnings) from pip-audit's JSON report (None: it did not run)."""
    if report is None:
        return [], ["pip-audit did not run (the vulnerability service or PyPI could not be reached)"]
    failures, unaudited = [], []
    for dep in report.get("dependencies", []):
        if "skip_reason" in dep:
            unaudited.append(dep["name"])
        for vuln in dep.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            if not ids & skip.keys():
                fix = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
                failures.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fix})")
    warnings = [f"pip-audit could not check {len(unaudited)} of {len(report.get('dependencies', []))} packages "
                f"(the PyPI vulnerability service did not answer for them): {', '.join(unaudited[:8])}"
                f"{' ...' if len(unaudited) > 8 else ''}"] if unaudited else []
    return failures, warnings


def classify_npm_audit(report: dict | None, skip: dict[str, str]) -> tuple[list[str], list[str]]:
    """(failures, warnings) from `npm audit --json`."""
    if report is None or "error" in report or "statusCode" in report:
        detail = (report or {}).get("message") or "no report"
        return [], [f"npm audit could not reach the advisory service: {detail}"]
    failures = []
    for name, vuln in (report.get("vulnerabilities") or {}).items():
        sources = [v for v in vuln.get("via", []) if isinstance(v, dict)]
        ids = {str(v.get("url", "")).rsplit("/", 1)[-1] for v in sources} | {str(v.get("source")) for v in sources}
        if vuln.get("severity") != "info" and not ids & skip.keys():
            failures.append(f"{name}: {vuln.get('severity')} ({', '.join(sorted(i for i in ids if i)) or 'advisory'})")
    return failures, []


def _ensure_venv() -> Path | None:
    python = VENV / "bin" / "python"
    stamp = VENV / ".installed"
    pins = ROOT / ".ci" / "requirements-audit.txt"
    if stamp.exists() and stamp.stat().st_mtime >= pins.stat().st_mtime:
        return python
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, timeout=300)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r",
                        str(pins)], check=True, timeout=600)
    except (subprocess.SubprocessError, OSError):
        return None
    stamp.touch()
    return python


def run_pip_audit(skip: dict[str, str]) -> dict | None:
    python = _ensure_venv()
    if python is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        args = [str(python), "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner", "off",
                "-f", "json", "-o", str(out)]
        for name in REQUIREMENTS:
            args += ["-r", str(ROOT / name)]
        for vuln_id in skip:
            args += ["--ignore-vuln", vuln_id]
        subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
        return json.loads(out.read_text()) if out.exists() else None


def run_npm_audit() -> dict | None:
    try:
        done = subprocess.run(["npm", "audit", "--omit=dev", "--json"], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
        return json.loads(done.stdout) if done.stdout.strip() else None
    except (subprocess.SubprocessError, OSError, json.JSONDecodeError):
        return None


def main() -> int:
    skip = ignored()
    failures, warnings = [], []
    for classify, report in ((classify_pip_audit, run_pip_audit(skip)), (classify_npm_audit, run_npm_audit())):
        f, w = classify(report, skip)
        failures += f
        warnings += w
    for line in warnings:
        print(f"WARNING audit: {line}")
    for line in failures:
        print(f"FAIL audit: known vulnerability: {line}")
    print(f"audit: {len(failures)} known vulnerabilities, {len(warnings)} warnings")
    return 1 if failures else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
