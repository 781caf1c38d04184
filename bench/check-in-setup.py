#!/usr/bin/env python3
"""Set-up and checks of the check-in burst (bench/check-in-burst.sh), through chibo's own API.

  check-in-setup.py prepare BASE WORKDIR   today's two meetings in every synthetic branch (a warm-up
                                           one and the measured one), their check-in codes, and the
                                           input files of wrk: one line per member and meeting
  check-in-setup.py verify BASE WORKDIR    reads back the attendance of the measured meetings: rows
                                           checked in, duplicates, and the check-in rate the server
                                           recorded (first to last check-in time)
"""
import base64
import datetime
import json
import random
import sys
import urllib.request

OFFICE = ("vanphong", "chibo-demo")
BENCH_PASSWORD = "chibo-bench"


def call(base, method, path, body=None, auth=OFFICE):
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Authorization", "Basic " + base64.b64encode(":".join(auth).encode()).decode())
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def synthetic_branches(base):
    branches = []

    def walk(nodes):
        for node in nodes:
            if node["code"].startswith("S") and node["level"] == "BRANCH":
                branches.append(node["id"])
            walk(node["children"])

    walk(call(base, "GET", "/api/v1/orgs"))
    return branches


def prepare(base, work):
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date().isoformat()
    lines = {"warmup": [], "burst": []}
    meetings = []
    for branch in synthetic_branches(base):
        for name in ("warmup", "burst"):
            meeting = call(base, "POST", "/api/v1/meetings",
                           {"branchId": branch, "kind": "EXTRAORDINARY" if name == "warmup" else "REGULAR",
                            "scheduledOn": today})["meeting"]["id"]
            token = call(base, "POST", f"/api/v1/meetings/{meeting}/check-in-code")["token"]
            for member in call(base, "GET", f"/api/v1/meetings/{meeting}/attendance")["members"]:
                auth = base64.b64encode(f"sv{member['memberId']}:{BENCH_PASSWORD}".encode()).decode()
                lines[name].append(f"{auth} {token}")
            if name == "burst":
                meetings.append(meeting)
    for name, rows in lines.items():
        random.Random(7).shuffle(rows)  # members of every branch at once
        with open(f"{work}/{name}.txt", "w") as out:
            out.write("\n".join(rows) + "\n")
    with open(f"{work}/meetings.txt", "w") as out:
        out.write("\n".join(map(str, meetings)) + "\n")
    print(f"{len(meetings)} branches, {len(lines['burst'])} members to check in")


def verify(base, work):
    meetings = [int(line) for line in open(f"{work}/meetings.txt") if line.strip()]
    times, pairs, expected = [], set(), 0
    duplicates = 0
    for meeting in meetings:
        attendance = call(base, "GET", f"/api/v1/meetings/{meeting}/attendance")
        expected += len(attendance["members"])
        for row in attendance["members"]:
            if row["method"] == "SELF_CHECK_IN":
                key = (meeting, row["memberId"])
                duplicates += key in pairs
                pairs.add(key)
                times.append(datetime.datetime.fromisoformat(row["checkedInAt"]))
    span = (max(times) - min(times)).total_seconds() if len(times) > 1 else 0
    rate = len(times) / span if span > 0 else 0
    print(f"RECORDED check-ins={len(times)} of {expected} members, duplicate rows={duplicates}, "
          f"first-to-last {span:.2f} s, {rate:.0f} check-ins/s")


if __name__ == "__main__":
    {"prepare": prepare, "verify": verify}[sys.argv[1]](sys.argv[2], sys.argv[3])
