#!/usr/bin/env python3
"""The SQL one request ran, as a pgbench script (bench/sql-ratio.sh).

Reads the PostgreSQL log written with log_statement = 'all' and a log_line_prefix that names the user
('%m [%p] %u ') on standard input and prints, in order, every statement role USER executed, its
parameters written in as literals, each ending with a semicolon.

  sql-capture.py USER < app.log > page.sql
"""
import re
import sys

user = sys.argv[1]
# "2026-12-05 23:03:33.224 +07 [26812] chibo LOG:  …", continued on the lines that follow
MESSAGE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*) ?"
                     r"(LOG|DETAIL|ERROR|STATEMENT|HINT|WARNING|FATAL):  (.*)$")
STATEMENT = re.compile(r"^(?:execute [^:]*|statement): (.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)

messages = []  # (pid, user, level, text)
for line in sys.stdin:
    text = line.rstrip("\n")
    start = MESSAGE.match(text)
    if start:
        messages.append([start.group(1), start.group(2), start.group(3), start.group(4)])
    elif messages:
        messages[-1][3] += "\n" + text

statements = []
for i, (pid, who, level, text) in enumerate(messages):
    if who != user or level != "LOG":
        continue
    sql = STATEMENT.match(text)
    if not sql:
        continue
    sql = sql.group(1).strip()
    following = messages[i + 1] if i + 1 < len(messages) else None
    if following and following[0] == pid and following[2] == "DETAIL" and following[3].startswith("Parameters: "):
        values = {int(n): v for n, v in PARAMETER.findall(following[3])}
        # $10 before $1, so that one never eats the start of the other
        for n in sorted(values, reverse=True):
            sql = re.sub(r"\$%d(?!\d)" % n, lambda _: values[n], sql)
    statements.append(sql.rstrip(";") + ";")

if not statements:
    sys.exit("no statement of role %s in the log" % user)
print("\n".join(statements))
