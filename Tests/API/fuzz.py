#!/usr/bin/env python3
"""Fuzzes the JSON API from its OpenAPI document with schemathesis (issue 14 §5).

Starts `cartrial serve` on a temporary SQLite database, prepares data (the administrator's
one-time password changed, trial NCT07470073 opened, a site, a coordinator who screens subject
S-01), then runs schemathesis over every documented operation: first as the coordinator, then
as the administrator, then the operations that revoke or weaken the session they are called
with (sign-out, role change, password reset) alone, with a session of their own. Checks: no 5xx, status codes, content types, response headers and
response bodies as documented. Afterwards the server's own request log is read too: any 5xx it
answered fails the run, naming the operation.

    python3 Tests/API/fuzz.py [--binary .build/debug/cartrial] [--max-examples 8] [--seed N] [--keep]

Exit 0: no failure. 1: a failure (printed). 2: the server could not be started or prepared.
3: schemathesis is not installed (`python3 -m pip install schemathesis`).
Environment: CARTRIAL_BIN (the binary, default .build/debug/cartrial beside the repository),
CARTRIAL_FUZZ_EXAMPLES (default 8), CARTRIAL_FUZZ_SEED.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "Sources/TrialServer/Resources/OpenAPI/openapi.json"
PATIENT = ROOT / "Examples/patients/P-0001.json"
TRIAL = "NCT07470073"
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)


class Server:
    """`cartrial serve --port 0` on a fresh database; its output kept in a log file."""

    def __init__(self, binary, workdir):
        self.log_path = workdir / "server.log"
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [
                str(binary), "serve", "--db", str(workdir / "fuzz.sqlite"), "--port", "0",
                "--admin-password", "one-time-Pass-1", "--key", str(workdir / "signing.key"),
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "HOME": str(workdir)},
        )
        self.url = None
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.log.write(line)
                self.log.flush()
                m = re.search(r"cartrial is serving at (http://\S+?)/?(\s|$)", line)
                if m and not self.url:
                    self.url = m.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        ready.wait(120)
        if not self.url:
            self.stop()
            raise RuntimeError("the server printed no address:\n" + self.log_path.read_text())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def server_errors(self):
        """The requests the server answered with a 5xx, from its request log."""
        out = []
        for line in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.search(r"status=(5\d\d)", line) or re.search(r"\[status: (5\d\d)\]", line)
            if m or "request failed" in line:
                out.append(line)
        return out


def call(url, method, path, body=None, token=None, expect=(200, 201, 204)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    if status not in expect:
        raise RuntimeError(f"{method} {path}: {status} {text}")
    return json.loads(text) if text and text.lstrip()[:1] in "[{" else None


def sign_in(url, username, password):
    return call(url, "POST", "/api/v1/session", {"username": username, "password": password})["token"]


def first_sign_in(url, username, one_time, new):
    token = sign_in(url, username, one_time)
    call(url, "POST", "/api/v1/me/password", {"currentPassword": one_time, "newPassword": new}, token)
    return sign_in(url, username, new)


def prepare(url):
    """The data the routes act on; answers the tokens to fuzz with."""
    admin = first_sign_in(url, "admin", "one-time-Pass-1", "admin-Fuzz-Pass-2")
    call(url, "POST", "/api/v1/trials", {"protocol": TRIAL}, admin)
    call(url, "POST", "/api/v1/sites", {"site": "BJ-01", "name": "Beijing"}, admin)
    call(url, "POST", f"/api/v1/trials/{TRIAL}/activate-site", {"site": "BJ-01", "name": "Beijing"}, admin)
    users = {}
    # coordinator1 is the example user of the document's /users/{username} (the administrator's
    # pass changes its role and password); fuzzcoord is the coordinator who fuzzes.
    for username in ["coordinator1", "fuzzcoord"]:
        answer = call(url, "POST", "/api/v1/users",
                      {"username": username, "fullName": f"Fuzz {username}", "role": "coordinator", "site": "BJ-01"},
                      admin)
        users[username] = first_sign_in(url, username, answer["oneTimePassword"], f"{username}-Fuzz-Pass-3")
    coordinator = users["fuzzcoord"]
    patient = json.loads(PATIENT.read_text(encoding="utf-8"))
    call(url, "POST", f"/api/v1/trials/{TRIAL}/subjects/S-01/screen",
         {"site": "BJ-01", "group": "A", "patient": patient}, coordinator)
    call(url, "POST", f"/api/v1/trials/{TRIAL}/subjects/S-01/consent", {"date": "2026-01-05"}, coordinator,
         expect=(201, 409, 422))
    spare = sign_in(url, "admin", "admin-Fuzz-Pass-2")
    return {"admin": admin, "coordinator": coordinator, "spare": spare}


def schemathesis(url, token, args, extra, report):
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", str(args.document), "--url", url,
        "--header", f"Authorization: Bearer {token}",
        "--checks", CHECKS,
        "--phases", "examples,coverage,fuzzing",
        "--max-examples", str(args.max_examples),
        # One worker: hypothesis describing lambdas from two threads trips CPython 3.11's "AST
        # constructor recursion depth mismatch" (a schemathesis error, not a server one).
        "--workers", "1",
        "--request-timeout", "30",
        "--suppress-health-check", "all",
        "--report", "junit,vcr", "--report-junit-path", str(report), "--report-vcr-path", str(report.with_suffix(".yaml")),
        *(["--seed", str(args.seed)] if args.seed is not None else []),
        *extra,
    ]
    print("$ " + " ".join(c if "Bearer" not in c else "Authorization: Bearer …" for c in command[1:]), flush=True)
    env = {**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"}
    # In the temporary folder: schemathesis keeps a .schemathesis/ cache in its working directory.
    return subprocess.run(command, env=env, stdin=subprocess.DEVNULL, cwd=report.parent).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.environ.get("CARTRIAL_BIN", str(ROOT / ".build/debug/cartrial")))
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("CARTRIAL_FUZZ_EXAMPLES", "8")))
    parser.add_argument("--seed", type=int, default=(int(os.environ["CARTRIAL_FUZZ_SEED"])
                                                     if os.environ.get("CARTRIAL_FUZZ_SEED") else None))
    parser.add_argument("--document", default=str(DOCUMENT), help="the OpenAPI document (default: the repository's)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, logs)")
    args = parser.parse_args()
    try:
        import schemathesis as _  # noqa: F401
    except ImportError:
        print("fuzz: schemathesis is not installed (python3 -m pip install schemathesis)", file=sys.stderr)
        return 3
    binary = pathlib.Path(args.binary)
    if not binary.exists():
        print(f"fuzz: no cartrial binary at {binary} (swift build, or --binary)", file=sys.stderr)
        return 2

    workdir = pathlib.Path(tempfile.mkdtemp(prefix="cartrial-fuzz."))
    started = time.monotonic()
    server = None
    try:
        try:
            server = Server(binary, workdir)
            tokens = prepare(server.url)
        except Exception as e:  # noqa: BLE001
            print(f"fuzz: could not start or prepare the server: {e}", file=sys.stderr)
            return 2
        print(f"fuzz: server at {server.url}, data prepared; schemathesis from {args.document}",
              flush=True)
        # The last pass runs the operations that take the fuzzing user's own session or rights
        # away (schemathesis learns usernames from GET /api/v1/users, "admin" too): signing out,
        # a role change and a password reset, with a session of their own.
        destructive = ["signOut", "changeRole", "resetPassword"]
        keep = [f"--exclude-operation-id={o}" for o in destructive]
        passes = [
            ("coordinator", tokens["coordinator"], keep),
            ("administrator", tokens["admin"], keep),
            ("administrator, last: sign-out, role change, password reset", tokens["spare"],
             [f"--include-operation-id={o}" for o in destructive]),
        ]
        failed = []
        for name, token, extra in passes:
            print(f"\n== schemathesis as {name}", flush=True)
            code = schemathesis(server.url, token, args, extra, workdir / f"junit-{name}.xml")
            if code != 0:
                failed.append(f"schemathesis as {name} exited {code}")
        server.stop()
        errors = server.server_errors()
        if errors:
            failed.append("the server answered 5xx (its log):\n  " + "\n  ".join(errors[:40]))
        seconds = time.monotonic() - started
        passed = len(passes) - sum(1 for f in failed if f.startswith("schemathesis"))
        print(f"\nfuzz: {seconds:.0f} s; server log {'kept in ' + str(workdir) if args.keep else 'removed'}")
        for f in failed:
            print("fuzz: FAILED: " + f)
        print(f"{passed} passed, {len(passes) - passed} failed")
        return 1 if failed else 0
    finally:
        if server:
            server.stop() if server.proc.poll() is None else None
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
