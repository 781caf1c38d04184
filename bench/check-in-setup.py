#!/usr/bin/env python3
"""Set-up and checks of the check-in burst (bench/check-in-burst.sh), through chibo's own API.

  check-in-setup.py prepare BASE WORKDIR [SET...]
      a meeting today in every synthetic branch for each set (default: "warmup" and the measured "burst"),
      their check-in codes, and the input files of the clients (WORKDIR/SET.txt): one line per member
  check-in-setup.py verify BASE WORKDIR [SET]
      reads back the attendance of the set's meetings (default "burst"): rows checked in, duplicates, the
      check-in rate the server recorded (first to last check-in time), and, where the client kept them
      (WORKDIR/SET-accepted.txt), any member answered "checked in" whose check-in is not recorded
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


def prepare(base, work, *sets):
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date().isoformat()
    lines = {name: [] for name in sets or ("warmup", "burst")}
    meetings = {name: [] for name in lines}
    for branch in synthetic_branches(base):
        for name in lines:
            meeting = call(base, "POST", "/api/v1/meetings",
                           {"branchId": branch, "kind": "REGULAR" if name == "burst" else "EXTRAORDINARY",
                            "scheduledOn": today})["meeting"]["id"]
            token = call(base, "POST", f"/api/v1/meetings/{meeting}/check-in-code")["token"]
            for member in call(base, "GET", f"/api/v1/meetings/{meeting}/attendance")["members"]:
                auth = base64.b64encode(f"sv{member['memberId']}:{BENCH_PASSWORD}".encode()).decode()
                lines[name].append(f"{auth} {token}")
            meetings[name].append(meeting)
    for name, rows in lines.items():
        random.Random(7).shuffle(rows)  # members of every branch at once
        with open(f"{work}/{name}.txt", "w") as out:
            out.write("\n".join(rows) + "\n")
        with open(f"{work}/{name}-meetings.txt", "w") as out:
            out.write("\n".join(map(str, meetings[name])) + "\n")
    print(f"{len(meetings[name])} branches, {len(lines[name])} members to check in per set ({', '.join(lines)})")


def verify(base, work, name="burst"):
    meetings = [int(line) for line in open(f"{work}/{name}-meetings.txt") if line.strip()]
    recorded = set()
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
                recorded.add(row["memberId"])
    span = (max(times) - min(times)).total_seconds() if len(times) > 1 else 0
    rate = len(times) / span if span > 0 else 0
    print(f"RECORDED check-ins={len(times)} of {expected} members, duplicate rows={duplicates}, "
          f"first-to-last {span:.2f} s, {rate:.0f} check-ins/s")
    try:
        accepted = [line.strip() for line in open(f"{work}/{name}-accepted.txt") if line.strip()]
    except FileNotFoundError:
        return
    lost = [auth for auth in accepted
            if int(base64.b64decode(auth).decode().split(":")[0][2:]) not in recorded]
    print(f"LOST check-ins answered 'checked in' but not recorded={len(lost)}")


if __name__ == "__main__":
    {"prepare": prepare, "verify": verify}[sys.argv[1]](*sys.argv[2:])
