#!/usr/bin/env python3
"""kwalk's first-run and warm times per Debian kernel, each from a cache of its own: what a fresh machine (or CI's
first run) pays for a kernel and what every later run pays.

For each series (default 5.10 6.1 6.12 7.2), in a new temporary cache directory (`--cache`), so that nothing an
earlier run left counts for it:
  (1) the first `kwalk site --kernel K --annotations Annotations`: fetching the two packages when /usr/src lacks them
      (with Debian's package lists, into the new cache), unpacking, preparing, kbuild's dry run, parsing, tokenizing
      and writing, split by phase from kwalk's progress lines; "other" is what no progress line covers (the
      analysis, the layouts of the graphs, starting up);
  (2) the second, warm, run of the same command (nothing changed, so kwalk says the site is up to date);
with the peak RSS of each, the LLVM kwalk prepared the kernel with, and the load averages before and after the
kernel. The temporary caches are removed afterwards, also when a run fails.

Prints a table and writes the figures to a JSON file (default .build/bench-kernels.json).
Usage: kernels_bench.py KWALK_BINARY [SERIES ...] [--json FILE] [--annotations DIR]
"""
import os, re, shutil, sys, tempfile

from index_bench import timed, phase_seconds, write_json

# The order of the table's phase columns: the order in which a first run meets them.
PHASE_ORDER = ["fetch", "unpack", "prepare", "kbuild", "parse", "tokenize", "write"]


def option(name, default):
    if name not in sys.argv:
        return default
    i = sys.argv.index(name)
    if i + 1 >= len(sys.argv):
        sys.exit(f"bench: {name} needs a value")
    return sys.argv[i + 1]


def positional():
    out, skip = [], False
    for a in sys.argv[1:]:
        if skip:
            skip = False
        elif a in ("--json", "--annotations"):
            skip = True
        else:
            out.append(a)
    return out


def llvm_of(stderr):
    """The LLVM binaries kwalk prepared with ("... (make LLVM=1 olddefconfig prepare with /usr/lib/llvm-19/bin)") and
    the compiler text kbuild recorded ("...: done with Debian clang version 19.1.7 ... (12.3 s)")."""
    bin_dir = compiler = None
    for line in stderr.splitlines():
        m = re.match(r"kwalk: configuring and preparing .* with (/\S+)\)(?:: done with (.*) \(\d+\.\d+ s\))?$", line)
        if m:
            bin_dir = m.group(1)
            compiler = m.group(2) or compiler
    return bin_dir, compiler


def fetched_package(stderr):
    """The version fetched and its size in MB, from "fetching linux-source-K and linux-config-K V from S: fetched
    a.deb, b.deb (N MB) into ..."; None when kwalk took the series from /usr/src."""
    for line in stderr.splitlines():
        m = re.match(r"kwalk: fetching \S+ and \S+ (\S+) from (\S+): fetched .* \((\d+) MB\) into ", line)
        if m:
            return {"version": m.group(1), "suite": m.group(2), "mb": int(m.group(3))}
    return None


def bench(kwalk, series, annotations):
    root = tempfile.mkdtemp(prefix=f"kwalk-bench-kernels-{series}-")
    cache, out = os.path.join(root, "cache"), os.path.join(root, "site")
    command = [kwalk, "site", "--kernel", series, "--annotations", annotations, "--cache", cache, "--out", out]
    try:
        load_before = os.getloadavg()
        first, first_rss, p1 = timed(command)
        warm, warm_rss, p2 = timed(command)
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    phases = phase_seconds(p1.stderr)
    fetched = fetched_package(p1.stderr)
    if "fetch" in phases and fetched is None:
        sys.exit(f"bench: {series}: kwalk fetched, but no line says what:\n{p1.stderr}")
    bin_dir, compiler = llvm_of(p1.stderr)
    if bin_dir is None:
        sys.exit(f"bench: {series}: the first run in a new cache did not prepare the kernel:\n{p1.stderr}")
    return {
        "series": series,
        "source": "fetched" if fetched else "/usr/src",
        "fetched": fetched,
        "llvm_bin": bin_dir,
        "compiler": compiler,
        "first_run_s": first,
        "first_run_phases_s": phases,
        "first_run_other_s": first - sum(phases.values()),
        "first_run_rss_mib": first_rss,
        "warm_s": warm,
        "warm_rss_mib": warm_rss,
        "warm_up_to_date": "is up to date" in p2.stdout,
        "warm_phases_s": phase_seconds(p2.stderr),
        "load_before": list(load_before),
        "load_after": list(load_after),
        "first_run_last_line": p1.stdout.strip().splitlines()[-1:],
    }


def main():
    args = positional()
    if not args:
        sys.exit(__doc__.strip().splitlines()[-1])
    kwalk = os.path.abspath(args[0])
    series = args[1:] or ["5.10", "6.1", "6.12", "7.2"]
    here = os.path.dirname(os.path.abspath(__file__))
    annotations = os.path.abspath(option("--annotations", os.path.join(here, "..", "Annotations")))
    json_path = option("--json", ".build/bench-kernels.json")

    kernels = []
    for s in series:
        print(f"bench: {s} ...", file=sys.stderr, flush=True)
        kernels.append(bench(kwalk, s, annotations))
        k = kernels[-1]
        print(f"bench: {s}: first run {k['first_run_s']:.1f} s, warm {k['warm_s']:.2f} s", file=sys.stderr, flush=True)

    results = {"cores": os.cpu_count(), "kernels": kernels,
               "total_first_run_s": sum(k["first_run_s"] for k in kernels),
               "total_warm_s": sum(k["warm_s"] for k in kernels)}

    cols = PHASE_ORDER + sorted({p for k in kernels for p in k["first_run_phases_s"]} - set(PHASE_ORDER))
    head = (f"{'kernel':<7}{'source':<10}{'first run':>10}" + "".join(f"{c:>9}" for c in cols + ["other"])
            + f"{'RSS MiB':>9}{'warm':>8}{'RSS MiB':>9}  LLVM, load 1/5/15 min before -> after")
    print(f"{os.cpu_count()} cores; seconds; fetch is Debian's package lists and the two .debs, kbuild its dry run")
    print(head)
    for k in kernels:
        ph = k["first_run_phases_s"]
        cells = "".join(f"{ph[c]:>9.1f}" if c in ph else f"{'-':>9}" for c in cols)
        load = lambda l: "/".join(f"{x:.2f}" for x in l)
        print(f"{k['series']:<7}{k['source']:<10}{k['first_run_s']:>10.1f}{cells}{k['first_run_other_s']:>9.1f}"
              f"{k['first_run_rss_mib']:>9.0f}{k['warm_s']:>8.2f}{k['warm_rss_mib']:>9.0f}  "
              f"{k['llvm_bin']}, {load(k['load_before'])} -> {load(k['load_after'])}")
    print(f"total: first runs {results['total_first_run_s']:.1f} s, warm runs {results['total_warm_s']:.2f} s")
    for k in kernels:
        if k["fetched"]:
            f = k["fetched"]
            print(f"{k['series']}: fetched {f['version']} from {f['suite']} ({f['mb']} MB)")
        if not k["warm_up_to_date"]:
            print(f"{k['series']}: the warm run did not find the site up to date: {k['warm_phases_s']}")
        print(f"{k['series']}: {k['compiler']}")
    write_json(results, json_path)


if __name__ == "__main__":
    main()
