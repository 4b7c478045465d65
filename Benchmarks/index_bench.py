#!/usr/bin/env python3
"""kwalk's indexing benchmark: ratios against clang -fsyntax-only on the same files, in the same run.

For the translation units the default walkthroughs index (as recorded in kwalk.sqlite), it times
  (a) clang -fsyntax-only with each unit's kbuild flags, serially,
  (b) kwalk's cold index (database removed; kbuild's objects and compile commands are kept, so this is parsing
      and extraction, plus discovery),
  (c) kwalk's warm re-index (nothing changed),
and prints b/a, c/a and kwalk's peak RSS. Usage: index_bench.py KWALK_BINARY [SERIES]
"""
import json, os, resource, shlex, sqlite3, subprocess, sys, time

kwalk = sys.argv[1]
series = sys.argv[2] if len(sys.argv) > 2 else "6.1"
run = lambda args: subprocess.run([kwalk] + args, check=True, capture_output=True, text=True)

db_path = run(["index", "--kernel", series]).stdout.strip().splitlines()
db_path = next(l.split(": ", 1)[1] for l in db_path if l.startswith("database: "))
cache = os.path.dirname(db_path)
units = [r[0] for r in sqlite3.connect(db_path).execute("SELECT path FROM translation_unit ORDER BY path")]
commands = {c["file"]: c for c in json.load(open(os.path.join(cache, "compile_commands.json")))}
src = os.path.join(cache, "src")

def syntax_only(entry):
    args, out, skip = [], [], False
    for i, a in enumerate(entry["arguments"][1:]):
        if skip: skip = False; continue
        if a == "-o": skip = True; continue
        if a == "-c" or a.startswith("-Wp,-MMD") or a == entry["file"]: continue
        out.append(a)
    return ["clang", "-fsyntax-only"] + out + [entry["file"]]

for suffix in ("", "-wal", "-shm"):
    try: os.remove(db_path + suffix)
    except FileNotFoundError: pass
start = time.monotonic(); run(["index", "--kernel", series]); b = time.monotonic() - start
start = time.monotonic(); run(["index", "--kernel", series]); c = time.monotonic() - start
# Measured before any clang runs, so the peak is kwalk's own.
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

start = time.monotonic()
for u in units:
    subprocess.run(syntax_only(commands[os.path.join(src, u)]), check=True, cwd=commands[os.path.join(src, u)]["directory"], capture_output=True)
a = time.monotonic() - start


print(f"units: {len(units)} (kernel {series}, {os.cpu_count()} cores)")
print(f"(a) clang -fsyntax-only, serial: {a:.2f} s")
print(f"(b) kwalk cold index:            {b:.2f} s   b/a = {b / a:.3f}  (target <= 1.0)")
print(f"(c) kwalk warm re-index:         {c:.2f} s   c/a = {c / a:.3f}  (target <= 0.05)")
print(f"peak RSS of kwalk: {peak_mib:.0f} MiB (target < 1024)")
