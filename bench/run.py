#!/usr/bin/env python3
"""The benchmarks of issue 7, from one command: bench/run.sh [options].

Generates populations with award-gen, runs daqing-baseline and `award eval` side by
side on the same file, checks that their verdict lines are identical before it
reports any time, and prints records/s and the ratio to the baseline for:

  1. end to end, single-threaded (--jobs 1) and with every core (--jobs N);
  2. evaluation alone on records already loaded (award-bench-eval) against the
     baseline's own in-memory run (daqing-baseline --in-memory);
  3. compile time of each policy in policies/ and of all of them together;
  4. peak memory (maximum resident set) of each run.

Programs compared run in rounds (one run of each per round) and each ratio is the
median of the rounds' ratios, printed with its range; output to /dev/null, data in --dir.
With --check the verdicts are compared and nothing is timed (the CTest test).
"""

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ON = "2024-06-30"
SEED = "42"


def run(cmd, stdout=subprocess.DEVNULL, stdin=None):
    """Runs cmd; returns (wall seconds, peak RSS in KiB, exit status, stderr, CPU seconds)."""
    # GNU time reports the peak RSS: a child of Python would inherit the high-water
    # mark of the Python process it was forked from, whatever it uses after exec.
    rss_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"award-bench-rss-{os.getpid()}"
    start = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, *cmd], stdout=stdout, stdin=stdin,
                            stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_kib = int(rss_file.read_text().split()[-1])
    rss_file.unlink()
    if proc.returncode not in (0, 1):
        sys.exit(f"run.py: {' '.join(map(str, cmd))} exited {proc.returncode}:\n{stderr.decode(errors='replace')}")
    return seconds, peak_kib, proc.returncode, stderr.decode(errors="replace"), usage.ru_utime + usage.ru_stime


def timed(cmd, runs):
    """Median wall seconds, median CPU seconds (user + system) and the largest peak RSS
    over `runs` runs. CPU time is what to compare on a machine others share too."""
    times, cpus, peak = [], [], 0
    for _ in range(runs):
        s, rss, _, _, cpu = run(cmd)
        times.append(s)
        cpus.append(cpu)
        peak = max(peak, rss)
    return statistics.median(times), statistics.median(cpus), peak


def population(build, n, workdir):
    path = workdir / f"pop-{n}-seed{SEED}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        subprocess.run([build / "bench/award-gen", "--count", str(n), "--seed", SEED, "--out", tmp], check=True)
        tmp.rename(path)
    return path


def parts(pop, k):
    """The population cut into k files of consecutive records, as even as lines allow."""
    paths = [pop.with_name(f"{pop.stem}.part{i + 1}of{k}.jsonl") for i in range(k)]
    if not all(p.exists() for p in paths):
        with open(pop, "rb") as f:
            lines = f.readlines()
        per = -(-len(lines) // k)
        for i, path in enumerate(paths):
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as out:
                out.writelines(lines[i * per:(i + 1) * per])
            tmp.rename(path)
    return paths


def run_together(cmds):
    """Starts every command at once; returns (wall seconds until the last ends, CPU seconds of all)."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in cmds]
    cpu = 0.0
    for proc in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"run.py: {' '.join(map(str, proc.args))} failed")
    return time.perf_counter() - start, cpu


def baseline_cmd(build, pop):
    return [build / "bench/daqing-baseline", "--on", ON, pop]


def award_cmd(build, pop, jobs):
    return [build / "award", "eval", ROOT / "policies/daqing-2018.award", pop, "--on", ON,
            "--award", "quality", "--format", "jsonl", "--jobs", str(jobs)]


def verify(build, pop, jobs_list, workdir):
    """The verdict lines of the baseline and of award eval must be identical."""
    base_out = workdir / "out-baseline.jsonl"
    with open(base_out, "wb") as f:
        run(baseline_cmd(build, pop), stdout=f)
    for jobs in jobs_list:
        out = workdir / f"out-award-j{jobs}.jsonl"
        with open(out, "wb") as f:
            run(award_cmd(build, pop, jobs), stdout=f)
        if base_out.read_bytes() != out.read_bytes():
            with open(base_out, "rb") as a, open(out, "rb") as b:
                for n, (x, y) in enumerate(zip(a, b), 1):
                    if x != y:
                        sys.exit(f"run.py: verdicts differ on {pop.name} (--jobs {jobs}) at line {n}:\n"
                                 f"  baseline: {x.decode().rstrip()}\n  award:    {y.decode().rstrip()}")
            sys.exit(f"run.py: verdicts differ on {pop.name} (--jobs {jobs}): different numbers of lines")
    lines = sum(1 for _ in open(base_out, "rb"))
    print(f"verdicts identical: {lines} lines, baseline and award eval --jobs {', '.join(map(str, jobs_list))}")


def rate(n, s):
    return f"{n / s:,.0f}"


# What each benchmark found, for the summary against the targets of issue 7.
FOUND = {}


def spread(xs, fmt="{:.2f}"):
    """'median (lowest–highest)' of a list of figures."""
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(min(xs))}–{fmt.format(max(xs))})"


def bench_end_to_end(build, pop, n, runs, cores):
    """The programs run in rounds, one run of each per round (baseline, --jobs 1, --jobs
    <cores>), so that a change in the machine's speed during the benchmark (a shared
    host, a neighbour's load) falls on all of them alike; each ratio is taken within a
    round, and the median of the rounds' ratios is reported with their range."""
    print(f"\n## end to end, {n:,} records ({pop.stat().st_size / 1e6:.1f} MB), {runs} rounds, "
          "one run of each program per round, medians")
    def alone(cmd):
        def go():
            s, rss, _, _, cpu = run(cmd)
            return s, cpu, rss
        return go

    base, single = "daqing-baseline", "award eval --jobs 1"
    programs = [(base, alone(baseline_cmd(build, pop)))] + \
               [(f"award eval --jobs {j}", alone(award_cmd(build, pop, j))) for j in sorted({1, cores})]
    # What the machine gives to `cores` programs that share nothing: `cores` processes
    # of --jobs 1, each on its own part of the file, at once. The bound for --jobs
    # <cores> on this machine at that moment, whatever the program does.
    together = f"{cores} × award eval --jobs 1, each on 1/{cores} of the file, at once"
    if cores > 1:
        split = [award_cmd(build, part, 1) for part in parts(pop, cores)]
        programs.append((together, lambda: (*run_together(split), 0)))
    walls = {name: [] for name, _ in programs}
    cpus = {name: [] for name, _ in programs}
    peaks = {name: 0 for name, _ in programs}
    for _ in range(runs):
        for name, go in programs:
            s, cpu, rss = go()
            walls[name].append(s)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], rss)
    print("| program | wall s | records/s (wall) | CPU s | records per CPU-s | ratio to baseline (CPU), "
          "median of rounds (range) | ratio (wall) | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, _ in programs:
        s, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        cpu_ratios = [b / a for a, b in zip(cpus[name], cpus[base])]
        wall_ratios = [b / a for a, b in zip(walls[name], walls[base])]
        extra = ""
        if name == single:
            FOUND.setdefault("one", []).append((n, statistics.median(cpu_ratios), statistics.median(wall_ratios),
                                                peaks[name], min(cpu_ratios), max(cpu_ratios)))
        elif name != base:
            speedups = [a / b for a, b in zip(walls[single], walls[name])]
            found = (statistics.median(speedups), min(speedups), max(speedups))
            if name == together:
                FOUND.setdefault("ceiling", []).append((n, *found))
            else:
                FOUND.setdefault("cores", []).append((n, int(name.rsplit(" ", 1)[1]), *found))
            extra = f"; {spread(speedups)}× --jobs 1"
        rss = f"{peaks[name] / 1024:.1f} MiB" if peaks[name] else "—"
        print(f"| {name} | {s:.3f} | {rate(n, s)} | {cpu:.3f} | {rate(n, cpu)} | {spread(cpu_ratios)} "
              f"| {spread(wall_ratios)}{extra} | {rss} |")


def bench_eval_alone(build, pop, n, runs):
    """Each program measures its own best of `runs` passes; the two run alternately, as
    `runs` pairs of processes, and the ratio is taken within a pair."""
    print(f"\n## evaluation alone, {n:,} records already in memory, CPU time, best of {runs} passes in each "
          f"process, {runs} pairs of processes run alternately")
    ours, theirs, shown = [], [], []
    for _ in range(runs):
        _, _, _, err, _ = run([build / "bench/award-bench-eval", ROOT / "policies/daqing-2018.award", pop,
                               "--on", ON, "--award", "quality", "--passes", str(runs)])
        _, _, _, berr, _ = run([build / "bench/daqing-baseline", "--on", ON, "--in-memory", str(runs), pop])
        a = re.search(r"decide alone ([0-9.]+) ns/record", err)
        b = re.search(r"decide alone [0-9.]+ s \(([0-9.]+) ns/record\)", berr)
        if not (a and b):
            sys.exit(f"run.py: no 'decide alone' figure in:\n{err}\n{berr}")
        ours.append(float(a.group(1)))
        theirs.append(float(b.group(1)))
        shown = [err.rstrip(), berr.rstrip()]
    print("```")
    print("\n".join(shown))
    print("```")
    ratios = [a / b for a, b in zip(ours, theirs)]
    print(f"decide alone, ns a record, median (range) of {runs} pairs: award {spread(ours, '{:.0f}')}, "
          f"baseline {spread(theirs, '{:.0f}')}; ratio {spread(ratios)}")
    FOUND["eval"] = (statistics.median(ours), statistics.median(theirs), statistics.median(ratios),
                     min(ratios), max(ratios))


def bench_compile(build, runs):
    print(f"\n## compile, source to IR, median of {runs} runs of `award compile` (process start-up included)")
    print("| policy | wall |")
    print("|---|---:|")
    policies = sorted((ROOT / "policies").glob("*.award"))
    for p in policies:
        s, cpu, _ = timed([build / "award", "compile", p, "--emit", "ir"], runs)
        print(f"| {p.name} | {s * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms) |")
    colds, err = [], ""
    for _ in range(runs):
        _, _, _, err, _ = run([build / "bench/award-bench-eval", "--compile-only", *policies])
        cold = re.search(r"together, cold \(first pass in a fresh process\): ([0-9.]+) ms", err)
        if not cold:
            sys.exit(f"run.py: no compile figure in:\n{err}")
        colds.append(float(cold.group(1)))
    print("```")
    print(err.rstrip())
    print("```")
    print(f"all {len(policies)} together, cold, in {runs} fresh processes: median (range) "
          f"{spread(colds, '{:.1f}')} ms")
    FOUND["compile"] = (len(policies), statistics.median(colds), min(colds), max(colds))


def summary():
    """One line per target of issue 7: met or not, and by how much."""
    def verdict(ok):
        return "met" if ok else "MISSED"
    print(f"\n## against the targets of issue 7 (load average now {os.getloadavg()[0]:.1f})")
    for n, cpu_ratio, wall_ratio, _, lo, hi in FOUND.get("one", []):
        print(f"- end to end, one thread, {n:,} records: {cpu_ratio:.2f} of the baseline's records/s by CPU time, "
              f"median of the rounds ({lo:.2f}–{hi:.2f}; {wall_ratio:.2f} by wall time); "
              f"target 0.7: {verdict(cpu_ratio >= 0.7)}")
    ceilings = {n: (c, lo, hi) for n, c, lo, hi in FOUND.get("ceiling", [])}
    for n, jobs, speedup, lo, hi in FOUND.get("cores", []):
        ceiling = ""
        if n in ceilings:
            c, clo, chi = ceilings[n]
            ceiling = (f"; {jobs} independent processes on parts of the file reached {c:.2f}x ({clo:.2f}–{chi:.2f}) "
                       "in the same rounds")
        print(f"- both cores, {n:,} records: --jobs {jobs} runs {speedup:.2f}x as fast as --jobs 1 (wall, median "
              f"of the rounds, {lo:.2f}–{hi:.2f}{ceiling}); target 1.7x: {verdict(speedup >= 1.7)} "
              "(meaningful only on an otherwise idle machine)")
    if "eval" in FOUND:
        a, b, r, lo, hi = FOUND["eval"]
        print(f"- evaluation alone: {a:.0f} ns a record against the baseline's decide() {b:.0f} ns, {r:.2f}x "
              f"(median of the pairs, {lo:.2f}–{hi:.2f}); target within 2x: {verdict(r <= 2)}")
    if "compile" in FOUND:
        k, ms, lo, hi = FOUND["compile"]
        print(f"- compile of all {k} policies in policies/, cold in a fresh process (ANTLR start-up included): "
              f"{ms:.1f} ms CPU, median ({lo:.1f}–{hi:.1f}); target under 100 ms: {verdict(ms < 100)}")
    one = FOUND.get("one", [])
    if one:
        peaks = ", ".join(f"{rss / 1024:.1f} MiB at {n:,}" for n, _, _, rss, _, _ in one)
        print(f"- memory, award eval --jobs 1, peak RSS: {peaks} (flat but for the set of applicant ids, "
              f"about 30 bytes a record: see bench/README.md)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, action="append", help="records (repeatable; default 100000 and 1000000)")
    ap.add_argument("--runs", type=int, default=5, help="rounds (and passes) per timing; medians are reported")
    ap.add_argument("--build", type=Path, default=ROOT / "build", help="the CMake build directory")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/award-bench"), help="where populations are kept")
    ap.add_argument("--check", action="store_true", help="verify the verdicts only, time nothing")
    a = ap.parse_args()
    sizes = a.size or [100_000, 1_000_000]
    build = a.build.resolve()
    a.dir.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count() or 1

    if not a.check:
        cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True)
                    .stdout.splitlines() if l.startswith("Model name")), platform.processor())
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
        print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, {cpu}, {cores} CPUs, "
              f"{int(mem) / 2**20:.0f} GiB, load average {os.getloadavg()[0]:.1f} (1 min), "
              f"reference date {ON}, seed {SEED}")
    for n in sizes:
        pop = population(build, n, a.dir)
        verify(build, pop, sorted({1, cores, 3}), a.dir)
        if a.check:
            continue
        bench_end_to_end(build, pop, n, a.runs, cores)
        if n == sizes[0]:
            bench_eval_alone(build, pop, n, a.runs)
    if a.check:
        # the other two programs still run
        run([build / "bench/award-bench-eval", "--compile-only", *sorted((ROOT / "policies").glob("*.award"))])
        pop = population(build, sizes[0], a.dir)
        run([build / "bench/award-bench-eval", ROOT / "policies/daqing-2018.award", pop, "--on", ON,
             "--award", "quality", "--passes", "1"])
        run([build / "bench/daqing-baseline", "--on", ON, "--in-memory", "1", pop])
        print("benchmarks ran")
        return
    bench_compile(build, a.runs)
    summary()


if __name__ == "__main__":
    main()
