#!/usr/bin/env python3
"""Runs the CLI scenario files: transcripts of `yardstick` commands and what they must print.

Usage: run_scenarios.py YARDSTICK_BINARY SOURCE_DIR SCENARIO_FILE...

Each file runs in a scratch directory on a fresh SQLite database (YARDSTICK_DB) holding the demo
organisation (`demo init --people 30 --seed 1 --today 2026-11-21 --no-cycles`); SOURCE_DIR names
the source tree (for its frameworks/). In a file:

  # comment                  ignored
  $ yardstick ARGS           a command, run by bash in the scratch directory ("yardstick" is the
                             binary under test); the lines after it are what it must print:
  text                       a line of standard output
  ! text                     a line of standard error
  [N]                        its exit code (0 when not given)
  >>> FILE                   the lines up to "<<<" are written to FILE, for the next commands
  $ export NAME=VALUE        sets an environment variable for the commands after it (e.g.
                             YARDSTICK_AS, who runs them); prints nothing

Output lines match exactly, except that "*" matches any run of characters. Every line a command
prints must be expected, in order. Ends with a line "N passed, N failed" (one per command).
"""
import fnmatch
import os
import re
import subprocess
import sys
import tempfile


def parse(path):
    steps, current, writing = [], None, None
    for number, line in enumerate(open(path, encoding="utf-8").read().splitlines(), 1):
        if writing is not None:
            if line == "<<<":
                steps.append(("write", writing[0], "\n".join(writing[1]) + "\n", number))
                writing = None
            else:
                writing[1].append(line)
        elif line.startswith(">>> "):
            writing = (line[4:].strip(), [])
        elif line.startswith("$ "):
            current = {"command": line[2:], "out": [], "err": [], "code": 0, "line": number}
            steps.append(("run", current, None, number))
        elif line.startswith("#") or (not line.strip() and current is None):
            continue
        elif current is None:
            raise SystemExit(f"{path}:{number}: expected a command ($ …) first")
        elif line.startswith("! "):
            current["err"].append(line[2:])
        elif line.startswith("[") and line.endswith("]") and line[1:-1].isdigit():
            current["code"] = int(line[1:-1])
        elif line.strip():
            current["out"].append(line)
    return steps


def matches(expected, actual):
    return len(expected) == len(actual) and all(
        fnmatch.fnmatchcase(a, e) for e, a in zip(expected, actual))


def main():
    binary, source_dir, files = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    passed = failed = 0
    for path in files:
        with tempfile.TemporaryDirectory() as work:
            env = dict(os.environ, YARDSTICK_DB=os.path.join(work, "org.db"),
                       SOURCE_DIR=os.path.abspath(source_dir))
            subprocess.run([binary, "demo", "init", "--people", "30", "--seed", "1", "--today",
                            "2026-11-21", "--no-cycles", "--frameworks",
                            os.path.join(source_dir, "frameworks")],
                           env=env, check=True, capture_output=True)
            for kind, step, text, number in parse(path):
                if kind == "write":
                    with open(os.path.join(work, step), "w", encoding="utf-8") as f:
                        f.write(text)
                    continue
                command = step["command"]
                exported = re.fullmatch(r"export ([A-Za-z_][A-Za-z0-9_]*)=(.*)", command)
                if exported:
                    env[exported.group(1)] = exported.group(2)
                    passed += 1
                    continue
                if command.startswith("yardstick "):
                    command = f"'{binary}' {command[len('yardstick '):]}"
                run = subprocess.run(["bash", "-c", command], cwd=work, env=env,
                                     capture_output=True, text=True)
                out = [l for l in run.stdout.splitlines() if l.strip()]
                err = [l for l in run.stderr.splitlines() if l.strip()]
                if matches(step["out"], out) and matches(step["err"], err) and \
                        run.returncode == step["code"]:
                    passed += 1
                    continue
                failed += 1
                print(f"FAILED: {path}:{number}: $ {step['command']}")
                print("  expected:", *step["out"], *("! " + e for e in step["err"]),
                      f"[{step['code']}]", sep="\n    ")
                print("  actual:", *out, *("! " + e for e in err), f"[{run.returncode}]",
                      sep="\n    ")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
