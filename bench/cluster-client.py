#!/usr/bin/env python3
"""The clients of the cluster benchmark (bench/cluster.sh): members checking in and signed-in users reading pages.

  cluster-client.py burst BASE WORK SET CLIENTS [KILL_AFTER PID]
      every member of WORK/SET.txt checks in once, CLIENTS at a time, each sending again after a failure (a
      closed connection, a 5xx) until chibo answers "checked in" (200) or "already checked in" (422): a check-in
      whose answer was lost with a node is sent again, as a phone does; any other refusal is counted, not
      sent again. Meanwhile the users signed in by
      `sessions` read their start page through the same address every half second. With KILL_AFTER, the process
      PID (a chibo node) is killed with SIGKILL that many seconds into the burst. Writes WORK/SET-accepted.txt
      (the members answered 200) and prints one RESULT line.
  cluster-client.py sessions BASE WORK USER...
      signs the users in through the login form, as a browser does, and keeps their session cookies in
      WORK/sessions.txt.
"""
import http.client
import os
import signal
import sys
import threading
import time
import urllib.parse

PASSWORD = "chibo-demo"


class Connection:
    """One keep-alive HTTP connection to BASE that opens again after a failure."""

    def __init__(self, base):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.http = None

    def send(self, method, path, body=None, headers=None):
        """Returns (status, headers, body), or (None, None, error text) for a failed connection."""
        try:
            if self.http is None:
                self.http = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.http.request(method, path, body=body, headers=headers or {})
            response = self.http.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response.headers, data
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return None, None, repr(error).encode()

    def close(self):
        if self.http is not None:
            self.http.close()
            self.http = None


def sessions(base, work, users):
    lines = []
    for user in users:
        connection = Connection(base)
        status, headers, body = connection.send("GET", "/login")
        cookie = headers["Set-Cookie"].split(";")[0]
        token = body.decode().split('name="_csrf" value="')[1].split('"')[0]
        form = urllib.parse.urlencode({"username": user, "password": PASSWORD, "_csrf": token})
        status, headers, _ = connection.send("POST", "/login", form, {
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        cookie = (headers.get("Set-Cookie") or cookie).split(";")[0]
        if status != 302 or "error" in headers.get("Location", ""):
            sys.exit(f"{user} could not sign in: {status} {headers.get('Location')}")
        lines.append(f"{user} {cookie}")
    with open(f"{work}/sessions.txt", "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} users signed in")


def burst(base, work, name, clients, kill_after=None, pid=None):
    with open(f"{work}/{name}.txt") as lines:
        pending = [line.split() for line in lines if line.strip()]
    total = len(pending)
    lock = threading.Lock()
    accepted, repeats, failures, resent, refused = [], [0], {}, [0], []
    done = threading.Event()

    def check_in():
        connection = Connection(base)
        while True:
            with lock:
                if not pending:
                    return
                auth, token = pending.pop()
            body = '{"token":"%s"}' % token
            headers = {"Authorization": "Basic " + auth, "Content-Type": "application/json",
                       "Accept": "application/json"}
            for attempt in range(50):
                status, _, answer = connection.send("POST", "/api/v1/meetings/check-in", body, headers)
                if status == 200:
                    with lock:
                        accepted.append(auth)
                    break
                if status == 422 and b"checkIn.already" in answer:
                    with lock:
                        repeats[0] += 1
                    break
                if status is not None and status < 500:
                    with lock:  # refused for a reason sending again does not change (an expired code, say)
                        refused.append(f"{status} {answer[:200].decode(errors='replace')}")
                    break
                with lock:
                    key = str(status) if status else answer.decode()[:60]
                    failures[key] = failures.get(key, 0) + 1
                    resent[0] += 1
                time.sleep(0.05)
            else:
                with lock:
                    refused.append(f"no answer after 50 tries: {status} {answer[:200]}")

    users = []
    if os.path.exists(f"{work}/sessions.txt"):
        users = [line.split() for line in open(f"{work}/sessions.txt") if line.strip()]
    pages = {"read": 0, "signed out": 0, "failed": 0}

    def read_pages(user, cookie):
        connection = Connection(base)
        while not done.is_set():
            status, headers, _ = connection.send("GET", "/", headers={"Cookie": cookie})
            with lock:
                if status == 200:
                    pages["read"] += 1
                elif status in (302, 401) and "/login" in (headers.get("Location") or "/login"):
                    pages["signed out"] += 1
                    print(f"{user} was signed out: {status} {headers.get('Location')}", file=sys.stderr)
                else:
                    pages["failed"] += 1
            time.sleep(0.5)

    readers = [threading.Thread(target=read_pages, args=(user, cookie)) for user, cookie in users]
    for reader in readers:
        reader.start()
    started = time.monotonic()
    killed = threading.Event()
    if kill_after is not None:
        def kill():
            time.sleep(kill_after)
            if not pending:
                return  # the burst is over: the kill would test nothing
            os.kill(pid, signal.SIGKILL)
            killed.set()
            print(f"killed node {pid} {time.monotonic() - started:.1f} s into the burst", file=sys.stderr)
        threading.Thread(target=kill, daemon=True).start()
    workers = [threading.Thread(target=check_in) for _ in range(clients)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = time.monotonic() - started
    time.sleep(1)  # the signed-in users go on reading a moment after the burst
    done.set()
    for reader in readers:
        reader.join()
    with open(f"{work}/{name}-accepted.txt", "w") as out:
        out.write("\n".join(accepted) + "\n")
    duplicates = len(accepted) - len(set(accepted))
    failed = " ".join(f"{key}×{count}" for key, count in sorted(failures.items())) or "none"
    for reason in refused[:3]:
        print(f"refused: {reason}", file=sys.stderr)
    print(f"RESULT set={name} members={total} accepted={len(accepted)} refused-repeats={repeats[0]} "
          f"refused-otherwise={len(refused)} "
          f"accepted-twice={duplicates} resent={resent[0]} ({failed}) seconds={seconds:.2f} "
          f"rate={total / seconds:.0f}/s pages-read={pages['read']} signed-out={pages['signed out']} "
          f"pages-failed={pages['failed']} killed={'yes' if killed.is_set() else 'no'}")


if __name__ == "__main__":
    command, base, work = sys.argv[1], sys.argv[2], sys.argv[3]
    if command == "sessions":
        sessions(base, work, sys.argv[4:])
    else:
        kill = (float(sys.argv[6]), int(sys.argv[7])) if len(sys.argv) > 7 else (None, None)
        burst(base, work, sys.argv[4], int(sys.argv[5]), *kill)
