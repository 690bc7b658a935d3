"""bonkl's conformance check as a test of your own: it fails, with bonkl's report, unless every op passes.

Put it next to your subject script and run it with pytest, or with Python alone:

    pytest test_bonkl.py
    python3 test_bonkl.py

It runs, from this file's directory,

    npx --no-install bonkl check --subject-cmd '"<this python>" subject.py' --json <temporary file>

(--no-install: use the bonkl of your project, `npm install --save-dev bonkl`; never download one), reads the JSON
report (spec/conformance/report.schema.json in the bonkl package) and asserts that its verdict is PASS, printing
bonkl's table otherwise. The subject runs under the same Python as the test (sys.executable), so a virtual
environment with numpy or torch carries over. BONKL_RUNS sets the number of cases per op and domain (default 100).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SUBJECT = "subject.py"  # your subject script, relative to this file
DOMAINS = []  # e.g. ["standard", "ties"]; empty: every domain
TIMEOUT_S = 1800


def run_bonkl_check():
    """(exit status, stdout, stderr, report or None) of bonkl check on SUBJECT."""
    npx = shutil.which("npx")
    assert npx is not None, "npx not found: install Node.js 20.11 or later, then `npm install --save-dev bonkl`"
    with tempfile.TemporaryDirectory() as tmp:
        report_path = os.path.join(tmp, "report.json")
        command = [npx, "--no-install", "bonkl", "check", "--subject-cmd", '"{}" {}'.format(sys.executable, SUBJECT)]
        command += ["--json", report_path]
        for domain in DOMAINS:
            command += ["--domain", domain]
        done = subprocess.run(command, cwd=HERE, capture_output=True, text=True, timeout=TIMEOUT_S)
        report = None
        if os.path.exists(report_path):
            with open(report_path, encoding="utf-8") as f:
                report = json.load(f)
    return done.returncode, done.stdout, done.stderr, report


def test_subject_passes_bonkl_check():
    status, table, errors, report = run_bonkl_check()
    print(table)
    assert report is not None, "bonkl check wrote no report (exit status {}):\n{}{}".format(status, table, errors)
    assert report["verdict"] == "PASS", "bonkl check: {} (exit status {})\n{}".format(report["verdict"], status, table)
    assert status == 0, "bonkl check passed but exited with {}:\n{}".format(status, errors)


if __name__ == "__main__":
    try:
        test_subject_passes_bonkl_check()
    except AssertionError as failure:
        print("FAILED: {}".format(failure), file=sys.stderr)
        sys.exit(1)
    print("passed: bonkl check PASS for {}".format(SUBJECT))
