"""outcry on Apache Spark: read many archives on many machines, detect once.

Each Spark task runs the outcry binary over its share of the input files
(`outcry scan --partial`), the partial results are merged on the cluster in a
tree (`outcry merge`; merging is associative and commutative, so any tree gives
the same bytes), and the driver detects from the merged partial and writes the
report: text, JSON and the windows CSV. The report is byte for byte the one a
single `outcry detect` over all the files writes (docs/partial-format.md).

    spark-submit --master yarn --files target/release/outcry \\
        deploy/spark/outcry_job.py --outcry outcry --out report/ \\
        --tz Asia/Seoul --scan-args "--input-tz Asia/Seoul" \\
        '/mnt/archive/2022/*.jsonl.zst'

    spark-submit --master 'local[2]' deploy/spark/outcry_job.py \\
        --outcry target/release/outcry --out report/ fixtures/gmail-2009-02-24/*

Inputs are paths or globs on a file system every executor sees at the same
path (NFS, a mounted bucket, /dbfs): each task opens its files itself, so no
archive is shipped through Spark. The binary is either installed on every node
(`--outcry /opt/outcry/bin/outcry`) or shipped with `--files` and named by its
base name (`--outcry outcry`).

Exit status: 0 the report was written and every input read; 3 some input could
not be read or broke off (the report is still written; the messages are in it
and on stderr); 2 a mistake in the arguments.
"""

import argparse
import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


def resolve_binary(name):
    """The outcry binary on this machine: shipped with --files, a path, or on PATH."""
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.isfile(shipped):
            if not os.access(shipped, os.X_OK):
                os.chmod(shipped, 0o755)
            return shipped
    except Exception:  # not in a Spark context, or nothing shipped
        pass
    if os.path.isfile(name):
        return os.path.abspath(name)
    found = shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"outcry binary {name!r} not found (install it or ship it with --files)")


def expand(inputs):
    """Paths and globs to a sorted list of files (the order does not change the report)."""
    files = []
    for pattern in inputs:
        hits = sorted(glob.glob(pattern, recursive=True))
        if not hits and os.path.exists(pattern):
            hits = [pattern]
        if not hits:
            raise SystemExit(f"outcry_job: error: {pattern}: no such file")
        files.extend(h for h in hits if os.path.isfile(h))
    return sorted(set(os.path.abspath(f) for f in files))


def scan_task(binary, scan_args):
    """A mapPartitions function: one partial for the files of the partition."""

    def run(paths):
        paths = list(paths)
        if not paths:
            return
        exe = resolve_binary(binary)
        with tempfile.TemporaryDirectory(prefix="outcry-scan-") as tmp:
            out = os.path.join(tmp, "part.partial")
            cmd = [exe, "scan", "--quiet", "--no-progress", "--partial", out] + scan_args + ["--"] + paths
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            # 0: read; 3: an input failed, and the partial counts what could be read (and the
            # failure, so the report says so). Anything else is an error of the job.
            if p.returncode not in (0, 3) or not os.path.exists(out):
                raise RuntimeError(
                    f"outcry scan failed ({p.returncode}) on {paths}: {p.stderr.decode(errors='replace')}"
                )
            with open(out, "rb") as f:
                yield (f.read(), p.returncode)

    return run


def merge_two(binary):
    """A reduce function: two (partial, exit code) into one, with `outcry merge`."""

    def merge(a, b):
        exe = resolve_binary(binary)
        with tempfile.TemporaryDirectory(prefix="outcry-merge-") as tmp:
            names = []
            for k, (data, _) in enumerate((a, b)):
                names.append(os.path.join(tmp, f"{k}.partial"))
                with open(names[-1], "wb") as f:
                    f.write(data)
            out = os.path.join(tmp, "merged.partial")
            p = subprocess.run([exe, "merge", "-o", out] + names, stderr=subprocess.PIPE)
            if p.returncode != 0:
                raise RuntimeError(f"outcry merge failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
            with open(out, "rb") as f:
                return (f.read(), max(a[1], b[1]))

    return merge


def detect(binary, merged, out_dir, tz, detect_args):
    """The driver's part: the reports from the merged partial. Returns the worst exit code."""
    exe = resolve_binary(binary)
    os.makedirs(out_dir, exist_ok=True)
    tz_args = ["--tz", tz] if tz else []
    worst = 0
    for sub, fmt, name in (
        ("detect", ["--format", "text"], "report.txt"),
        ("detect", ["--format", "json"], "report.json"),
        ("windows", [], "windows.csv"),
    ):
        cmd = [exe, sub, *fmt, *tz_args, *detect_args, "-o", os.path.join(out_dir, name), "--partials", merged]
        # Warnings about the whole input (implied zones, outliers) once, with the text report.
        if name != "report.txt":
            cmd.insert(2, "--quiet")
        p = subprocess.run(cmd)
        if p.returncode not in (0, 1, 3):
            raise SystemExit(p.returncode)
        worst = max(worst, p.returncode)
    return worst


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="outcry over many archives on Spark: scan in tasks, merge on the cluster, detect on the driver.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="input files or globs (seen by every executor)")
    ap.add_argument("--outcry", default="outcry", help="the outcry binary: a path, a name on PATH, or the base name of a --files upload")
    ap.add_argument("--out", required=True, help="directory for report.txt, report.json, windows.csv and merged.partial (on the driver)")
    ap.add_argument("--parts", type=int, default=0, help="tasks to read with (default: the cluster's default parallelism, at most one per file)")
    ap.add_argument("--tz", default=None, help="display zone(s), as outcry's --tz; its first zone also aligns windows over an hour")
    ap.add_argument("--scan-args", default="", help="options for each scan, e.g. \"--input-tz Asia/Seoul --window 5m\"")
    ap.add_argument("--detect-args", default="", help="options for detection, given to detect and windows alike, e.g. \"--sensitivity high\"")
    ap.add_argument("--master", default=None, help="Spark master when run with python directly, e.g. local[2]")
    a = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    files = expand(a.inputs)
    builder = SparkSession.builder.appName("outcry")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        parts = a.parts or sc.defaultParallelism
        parts = max(1, min(parts, len(files)))
        scan_args = shlex.split(a.scan_args) + (["--tz", a.tz] if a.tz else [])
        # Threads per task: the task's share of the executor's cores is Spark's business; one
        # reader thread and one worker keep a task to about one core.
        if "--threads" not in scan_args and "-j" not in scan_args:
            scan_args += ["--threads", "1"]
        partials = sc.parallelize(files, parts).mapPartitions(scan_task(a.outcry, scan_args))
        merged, scan_code = partials.treeReduce(merge_two(a.outcry), depth=2)
        os.makedirs(a.out, exist_ok=True)
        merged_path = os.path.join(a.out, "merged.partial")
        with open(merged_path, "wb") as f:
            f.write(merged)
        code = detect(a.outcry, merged_path, a.out, a.tz, shlex.split(a.detect_args))
        print(
            f"outcry_job: {len(files)} files in {parts} tasks; reports in {a.out}",
            file=sys.stderr,
        )
        return max(code, scan_code)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
