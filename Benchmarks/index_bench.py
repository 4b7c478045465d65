#!/usr/bin/env python3
"""kwalk's benchmark: every speed and memory figure, measured in one run on the same files, as ratios where there is
a reference.

  (a) clang -fsyntax-only with each unit's kbuild flags, serially, over the units the walkthroughs index;
  (b) kwalk's cold index of those units (database removed; compile commands kept);
  (c) kwalk's warm re-index (nothing changed);
  (d) the warm two-kernel site: a second `kwalk site` (nothing changed, so nothing is rendered), and the same site
      rendered again in full with the source tokens and layouts cached (its stamp removed);
  (e) the first run of a kernel from its installed tarball, in a cache of its own, by phase (unpack, prepare, kbuild,
      parse; kbuild is its dry run and the objects it builds) as kwalk reports them;
  (f) the cost per translation unit of a cold index at the walkthroughs' ~20 units and at a wide set (every .c file
      of net/ipv4, net/core and net/ipv6 the config builds), with peak RSS.

Prints a table and writes the figures to a JSON file (default .build/bench.json) so that runs can be compared.
Usage: index_bench.py KWALK_BINARY [SERIES] [--quick] [--json FILE]
  --quick skips (e) and (f), the two that take minutes.
"""
import json, os, re, shutil, sqlite3, subprocess, sys, tempfile, time

# kwalk's progress steps by their first word (the `progress.begin` titles): the package lists ("reading Debian's
# package lists ...") and the download ("fetching ...") are one phase, and so are kbuild's dry run ("asking kbuild for
# ...") and the objects it builds ("compiling ...").
PHASES = {"reading": "fetch", "fetching": "fetch", "unpacking": "unpack", "configuring": "prepare",
          "asking": "kbuild", "compiling": "kbuild", "parsing": "parse", "tokenizing": "tokenize",
          "writing": "write"}


def phase_seconds(stderr):
    """Seconds per phase from kwalk's finished-step lines ("kwalk: <title>: <result> (<seconds> s)"), in the order
    the phases first ran; a step word PHASES does not know is its own phase."""
    phases = {}
    for line in stderr.splitlines():
        m = re.match(r"kwalk: (\w+).*\((\d+\.\d+) s\)$", line)
        if m:
            phase = PHASES.get(m.group(1), m.group(1))
            phases[phase] = phases.get(phase, 0) + float(m.group(2))
    return phases


def timed(argv, **kw):
    """Runs argv; returns (seconds, peak RSS in MiB of this child, completed process)."""
    start = time.monotonic()
    # /usr/bin/time reports this child's own peak (the largest of kwalk and the processes it waited for), which
    # RUSAGE_CHILDREN cannot once a larger child ran.
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, capture_output=True, text=True, **kw)
    seconds = time.monotonic() - start
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed ({p.returncode}): {p.stderr.strip().splitlines()[-3:]}")
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return seconds, rss_kib / 1024, p


def write_json(results, json_path):
    """Writes the results where runs can be compared (sorted keys, so two runs diff line by line)."""
    os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"wrote {json_path}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    kwalk = os.path.abspath(args[0])
    series = args[1] if len(args) > 1 else "6.1"
    quick = "--quick" in sys.argv
    json_path = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else ".build/bench.json"
    other = "6.12" if series != "6.12" else "6.1"

    def kw(*a):
        return timed([kwalk] + list(a))

    results = {"kernel": series, "cores": os.cpu_count()}
    _, _, p = kw("index", "--kernel", series)
    db_path = next(l.split(": ", 1)[1] for l in p.stdout.splitlines() if l.startswith("database: "))
    cache = os.path.dirname(db_path)
    units = [r[0] for r in sqlite3.connect(db_path).execute("SELECT path FROM translation_unit ORDER BY path")]
    commands = {c["file"]: c for c in json.load(open(os.path.join(cache, "compile_commands.json")))}
    src = os.path.join(cache, "src")

    def syntax_only(entry):
        out, skip = [], False
        for a in entry["arguments"][1:]:
            if skip:
                skip = False
                continue
            if a == "-o":
                skip = True
                continue
            if a == "-c" or a.startswith("-Wp,-MMD") or a == entry["file"]:
                continue
            out.append(a)
        return [entry["arguments"][0], "-fsyntax-only"] + out + [entry["file"]]

    def remove_database():
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(db_path + suffix)
            except FileNotFoundError:
                pass

    # (b), (c)
    remove_database()
    b, b_rss, _ = kw("index", "--kernel", series)
    c, c_rss, _ = kw("index", "--kernel", series)
    # (a)
    start = time.monotonic()
    for u in units:
        e = commands[os.path.join(src, u)]
        subprocess.run(syntax_only(e), check=True, cwd=e["directory"], capture_output=True)
    a = time.monotonic() - start
    results.update(units=len(units), clang_serial_s=a, cold_index_s=b, warm_index_s=c, cold_over_clang=b / a,
                   warm_over_clang=c / a, cold_index_rss_mib=b_rss)

    # (d)
    site_dir = tempfile.mkdtemp(prefix="kwalk-bench-site-")
    try:
        site = ["site", "--kernel", series, "--kernel", other, "--out", site_dir + "/site"]
        kw(*site)
        d_warm, d_rss, _ = kw(*site)
        stamps = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kwalk", "sites")
        shutil.rmtree(stamps, ignore_errors=True)
        d_render, d_render_rss, _ = kw(*site)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    results.update(warm_site_s=d_warm, warm_site_rerender_s=d_render, site_rss_mib=max(d_rss, d_render_rss),
                   warm_site_over_clang=d_warm / a)

    if not quick:
        # (e): a cache of its own, from the installed tarball.
        fresh = tempfile.mkdtemp(prefix="kwalk-bench-cache-")
        try:
            e_total, e_rss, p = kw("index", "--kernel", series, "--cache", fresh)
            phases = phase_seconds(p.stderr)
            results.update(first_run_s=e_total, first_run_phases_s=phases, first_run_rss_mib=e_rss)

            # (f): the same cache, its commands now said; wide = the walkthroughs' units plus three directories.
            wide = ["--also", "net/ipv4", "--also", "net/core", "--also", "net/ipv6"]
            kw("index", "--kernel", series, "--cache", fresh, *wide)  # kbuild says the commands once, untimed
            fresh_db = next(os.path.join(r, "kwalk.sqlite") for r, _, fs in os.walk(fresh) if "kwalk.sqlite" in fs)
            n_wide = sqlite3.connect(fresh_db).execute("SELECT count(*) FROM translation_unit").fetchone()[0]
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(fresh_db + suffix):
                    os.remove(fresh_db + suffix)
            f_wide, f_rss, _ = kw("index", "--kernel", series, "--cache", fresh, *wide)
            results.update(per_unit_s_at_small=b / len(units), wide_units=n_wide, per_unit_s_at_wide=f_wide / n_wide,
                           wide_index_rss_mib=f_rss, per_unit_wide_over_small=(f_wide / n_wide) / (b / len(units)))
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    print(f"units: {len(units)} (kernel {series}, {os.cpu_count()} cores)")
    print(f"(a) clang -fsyntax-only, serial:   {a:7.2f} s")
    print(f"(b) kwalk cold index:              {b:7.2f} s   b/a = {b / a:.3f}  (target <= 0.6)")
    print(f"(c) kwalk warm re-index:           {c:7.2f} s   c/a = {c / a:.3f}  (target <= 0.05)")
    print(f"(d) warm site {series} + {other}:         {d_warm:7.2f} s   d/a = {d_warm / a:.3f}  (target <= 1 s of kwalk)")
    print(f"    same site rendered again:      {d_render:7.2f} s")
    if not quick:
        ph = ", ".join(f"{k} {v:.1f} s" for k, v in results["first_run_phases_s"].items())
        print(f"(e) first run of {series}:             {results['first_run_s']:7.2f} s   ({ph}; target <= 45 s)")
        print(f"(f) per unit, cold: {results['per_unit_s_at_small']:.3f} s at {len(units)} units, "
              f"{results['per_unit_s_at_wide']:.3f} s at {results['wide_units']} units "
              f"(ratio {results['per_unit_wide_over_small']:.2f}; flat is 1.0)")
    rss = {k: round(v) for k, v in results.items() if k.endswith("_rss_mib")}
    print(f"peak RSS (MiB): {rss} (target < 1024)")
    write_json(results, json_path)


if __name__ == "__main__":
    main()
