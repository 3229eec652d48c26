#!/usr/bin/env python3
"""`yardstick serve` over real HTTP on loopback: JSON errors, signing in with the cookie's flags,
the security headers, Expect: 100-continue, the request log with latencies, a port already in use,
and a graceful stop on SIGTERM that still answers the request in flight.

Usage: serve_test.py YARDSTICK_BINARY SOURCE_DIR
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BINARY, SOURCE = sys.argv[1], sys.argv[2]
PASSWORD = "a long enough test password"
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, check=True)


def start(db, env=None):
    """Starts the server on a free port; returns (process, port)."""
    process = subprocess.Popen([BINARY, "serve", "--db", db, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        raise SystemExit(f"the server did not say where it listens: {line!r} "
                         f"{process.stderr.read()}")
    return process, int(match.group(1))


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = None if body is None else json.dumps(body)
    all_headers = dict(headers or {})
    if data is not None:
        all_headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read().decode()
    connection.close()
    return response.status, dict(response.getheaders()), payload


with tempfile.TemporaryDirectory() as scratch:
    db = os.path.join(scratch, "yardstick.db")
    run("demo", "init", "--people", "40", "--seed", "3", "--no-cycles",
        "--frameworks", os.path.join(SOURCE, "frameworks"), "--db", db)
    roles = run("role", "list", "--db", db).stdout
    people_team = re.search(r"^(\S+)\s+people-team", roles, re.M).group(1)
    run("user", "add", people_team, "--password-stdin", "--as", people_team, "--db", db,
        stdin=PASSWORD + "\n")

    server, port = start(db)
    try:
        status, headers, body = request(port, "GET", "/api/people")
        check(status == 401 and json.loads(body)["error"]["code"] == "unauthenticated",
              "a signed-out request gets 401 with a JSON error code")
        check(headers.get("X-Content-Type-Options") == "nosniff" and
              "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""),
              "responses carry the security headers")
        status, _, body = request(port, "GET", "/api/nothing-here")
        check(status == 404 and json.loads(body)["error"]["code"] == "not_found",
              "an unknown endpoint is a JSON 404")

        status, headers, body = request(port, "POST", "/api/session",
                                        {"login": people_team, "password": PASSWORD})
        cookie = headers.get("Set-Cookie", "")
        check(status == 201 and "HttpOnly" in cookie and "SameSite=Strict" in cookie,
              "signing in sets an HttpOnly, SameSite=Strict cookie")
        session = cookie.split(";")[0]
        csrf = json.loads(body)["csrf_token"]
        status, _, body = request(port, "GET", f"/api/people/{people_team}",
                                  headers={"Cookie": session})
        check(status == 200 and json.loads(body)["id"] == people_team,
              "the cookie signs the next request in")
        status, _, _ = request(port, "DELETE", "/api/session", headers={"Cookie": session})
        check(status == 403, "signing out without the CSRF token is refused")
        status, _, _ = request(port, "DELETE", "/api/session",
                               headers={"Cookie": session, "X-CSRF-Token": csrf})
        check(status == 204, "signing out with it works")

        # A client that sends "Expect: 100-continue" (curl, for bodies over 1 KiB) waits for the
        # interim answer before sending the body.
        body = json.dumps({"login": people_team, "password": "not the password",
                           "padding": "x" * 2000}).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:
            raw.sendall(f"POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                        f"Expect: 100-continue\r\nConnection: close\r\n\r\n".encode())
            raw.settimeout(5)
            interim = raw.recv(4096).decode(errors="replace")
            check(interim.startswith("HTTP/1.1 100 Continue"),
                  f"Expect: 100-continue is answered before the body is sent ({interim[:30]!r})")
            raw.sendall(body)
            final = b""
            while chunk := raw.recv(65536):
                final += chunk
            check(final.decode(errors="replace").startswith("HTTP/1.1 401"),
                  "and the request is then answered as usual")

        second = subprocess.run([BINARY, "serve", "--db", db, "--port", str(port)],
                                capture_output=True, text=True, timeout=30)
        check(second.returncode != 0 and f"127.0.0.1:{port}" in second.stderr,
              "a second server on the same port says it cannot listen there")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    log = server.stderr.read()
    check(server.returncode == 0, "SIGTERM stops the server with exit status 0")
    check(re.search(r"127\.0\.0\.1 GET /api/people 401 \d+\.\d+ ms", log) is not None,
          "every request is logged with its status and latency")

    # A request in flight when SIGTERM comes is still answered (each request is held 2 s).
    server, port = start(db, {"YARDSTICK_FAULT": "request-handler"})
    answer = {}

    def slow_request():
        answer["status"] = request(port, "GET", "/api/session")[0]

    client = threading.Thread(target=slow_request)
    client.start()
    time.sleep(0.7)
    server.send_signal(signal.SIGTERM)
    client.join(timeout=30)
    server.wait(timeout=30)
    check(answer.get("status") == 401, "the request in flight is answered after SIGTERM")
    check(server.returncode == 0, "and the server then exits 0")
    refused = True
    try:
        request(port, "GET", "/api/session")
        refused = False
    except OSError:
        pass
    check(refused, "a stopped server takes no new connections")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
