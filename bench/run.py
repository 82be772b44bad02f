#!/usr/bin/env python3
"""Side-by-side benchmark: `cohort matrix` against DuckDB and polars on the same order files.

One command (see bench/README.md):

    bench/run.sh                       # 1M and 10M rows, 3 runs each
    bench/run.sh --rows 1000000 --runs 5 --work /tmp/cohort-bench

What it does, in one session so that the ratios are fair:

1. builds the release `cohort` (or takes `--cohort BINARY`);
2. makes a Python virtual environment in the work folder and installs DuckDB and
   polars into it from PyPI (once; `--duckdb` / `--polars` pin versions);
3. writes each order file with `cohort sample --rows N` and shuffles its body lines
   (the sample is sorted by date; real exports are not), into the work folder,
   never into the repository;
4. runs, round-robin, `cat FILE > /dev/null` (the floor), `cohort matrix FILE
   --format csv`, the same matrix in DuckDB (bench/peers/duckdb_matrix.py) and in
   polars (bench/peers/polars_matrix.py), and `cohort report FILE` (every output
   format), each under /usr/bin/time for wall time, CPU time and peak memory;
5. checks that the three matrices agree on every cell (cohort, age, cohort_size,
   active_customers, revenue, grr_revenue; money to the cent);
6. with a PostgreSQL server (bench/run.sh starts a throwaway one with scripts/with-postgres.sh
   when PostgreSQL is installed; `--no-database` skips it): loads the same file into a table
   with COPY and times `cohort matrix postgresql://... --table orders_N` (the work pushed down
   into the database) beside the file run, and checks its matrix too;
7. prints the table and writes it to bench/results/<date>-<machine>.md.

Every tool is timed as a whole process (start-up, reading, computing, writing the
CSV); the seconds DuckDB and polars spent inside their query are listed as well.
"""
import argparse
import csv
import datetime as dt
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_WORK = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "cohort-bench"

# ----------------------------------------------------------------------------- setup


def sh(args, **kwargs):
    """Runs a command, failing loudly."""
    return subprocess.run(args, check=True, **kwargs)


def build_cohort(scratch):
    args = ["swift", "build", "-c", "release", "--product", "cohort"]
    if scratch:
        args += ["--scratch-path", scratch]
    sh(args, cwd=REPO)
    out = subprocess.run(args + ["--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
    return Path(out) / "cohort"


def python_env(work, duckdb_spec, polars_spec):
    venv = work / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        sh([sys.executable, "-m", "venv", str(venv)])
    wanted = [duckdb_spec, polars_spec]
    check = subprocess.run([str(python), "-c", "import duckdb, polars"], capture_output=True)
    pinned = [spec for spec in wanted if "==" in spec]
    if check.returncode != 0 or pinned:
        sh([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted])
    versions = subprocess.run([str(python), "-c", "import duckdb, polars; print(duckdb.__version__, polars.__version__)"],
                              check=True, capture_output=True, text=True).stdout.split()
    return python, {"duckdb": versions[0], "polars": versions[1]}


def order_file(cohort, work, rows, seed):
    """`cohort sample --rows N`, body lines shuffled (deterministically, from the seed), header kept first."""
    path = work / f"orders-{rows}-shuffled.csv"
    if path.exists() and path.stat().st_size > 0:
        return path
    sorted_path = work / f"orders-{rows}-sorted.csv"
    sh([str(cohort), "sample", "--rows", str(rows), "--seed", str(seed), "--out", str(sorted_path)], stderr=subprocess.DEVNULL)
    partial = path.with_suffix(".partial")
    random_source = work / f"random-{seed}.bin"
    # GNU shuf's documented way to a repeatable shuffle: a keystream as the random source.
    with open(random_source, "wb") as stream:
        generator = subprocess.run(["openssl", "enc", "-aes-256-ctr", "-pass", f"pass:{seed}", "-nosalt", "-pbkdf2"],
                                   input=b"\0" * (1 << 26), stdout=stream, stderr=subprocess.DEVNULL)
    shuffle = ["shuf", f"--random-source={random_source}"] if generator.returncode == 0 else ["shuf"]
    with open(sorted_path, "rb", buffering=0) as source, open(partial, "wb") as target:  # unbuffered: shuf reads on from the header
        target.write(source.readline())
        target.flush()
        sh(shuffle, stdin=source, stdout=target)
    partial.rename(path)
    sorted_path.unlink()
    random_source.unlink(missing_ok=True)
    return path


# ----------------------------------------------------------------------------- timing


class Run:
    def __init__(self, wall, user, system, peak_kb, note=""):
        self.wall, self.cpu, self.peak_mb, self.note = wall, user + system, peak_kb / 1024, note


def timed(args, stdout=subprocess.DEVNULL, env=None):
    """Runs `args` under /usr/bin/time: wall seconds, user + system CPU seconds, peak resident memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name, *args],
                                stdout=stdout, stderr=subprocess.PIPE, text=True, env=env)
        if result.returncode != 0:
            sys.exit(f"failed ({result.returncode}): {' '.join(map(str, args))}\n{result.stderr}")
        wall, user, system, peak = report.read().split()[-4:]
    query = re.search(r"([0-9.]+) s in the query", result.stderr)
    return Run(float(wall), float(user), float(system), float(peak), note=query.group(1) if query else "")


def load_table(data, rows):
    """COPY the order file into a table of the benchmark's server (psql from with-postgres.sh); seconds taken."""
    table = f"orders_{rows}"
    started = dt.datetime.now()
    sql = (f"DROP TABLE IF EXISTS {table};\n"
           f"CREATE TABLE {table} (order_id text, customer_id text, order_date date, amount numeric(12,2), "
           "country text, industry text, company_size text);\n"
           f"\\copy {table} FROM '{data}' WITH (FORMAT csv, HEADER true)\n"
           f"VACUUM ANALYZE {table};\n")
    sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"], input=sql.encode())
    return table, (dt.datetime.now() - started).total_seconds()


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ----------------------------------------------------------------------------- checking

MONEY = ("revenue", "grr_revenue")


def cells(path):
    """(cohort, age) → (cohort_size, active_customers, revenue cents, GRR revenue cents)."""
    table = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            money = []
            for name in MONEY:
                if name in row:
                    value = Decimal(row[name]) * 100
                    if value != value.to_integral_value():
                        raise ValueError(f"{path}: {name} {row[name]} is not whole cents")
                    money.append(int(value))
                else:
                    money.append(int(row[name + "_cents"]))
            table[(row["cohort"], int(row["age"]))] = (int(row["cohort_size"]), int(row["active_customers"]), *money)
    return table


def compare(reference_path, peer_path, peer):
    """Problems found comparing a peer's sparse matrix with cohort's full one (cells absent = no rows = zeros)."""
    reference, other = cells(reference_path), cells(peer_path)
    problems = []
    for key in sorted(set(other) - set(reference)):
        problems.append(f"{peer} has cell {key} that cohort has not")
    for key, expected in sorted(reference.items()):
        got = other.get(key)
        if got is None:
            got = (expected[0], 0, 0, 0)  # a cell without rows: no actives, no revenue
        if got != expected:
            problems.append(f"{key}: cohort {expected}, {peer} {got} (size, active, revenue cents, GRR cents)")
    return problems, len(reference)


# ----------------------------------------------------------------------------- report


def table_for(rows, size_mb, results, runs):
    """Markdown table of one order file's results."""
    med = {tool: {"wall": statistics.median(r.wall for r in rs), "cpu": statistics.median(r.cpu for r in rs),
                  "peak": statistics.median(r.peak_mb for r in rs)} for tool, rs in results.items()}
    lines = [f"#### {rows:,} rows ({size_mb:,.0f} MB, shuffled), median of {runs} runs",
             "",
             "| tool | wall s (min–max) | CPU s | peak MB | wall vs DuckDB | memory vs DuckDB | wall vs polars | memory vs polars | in-query s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for tool, rs in results.items():
        m = med[tool]
        walls = [r.wall for r in rs]
        ratios = []
        for peer in ("duckdb", "polars"):
            if tool.startswith("cohort") and peer in med:
                ratios += [f"{m['wall'] / med[peer]['wall']:.2f}×", f"{m['peak'] / med[peer]['peak']:.2f}×"]
            else:
                ratios += ["", ""]
        notes = [r.note for r in rs if r.note]
        query = f"{statistics.median(float(n) for n in notes):.2f}" if notes else ""
        lines.append(f"| {LABELS[tool]} | {m['wall']:.2f} ({min(walls):.2f}–{max(walls):.2f}) | {m['cpu']:.2f} | "
                     f"{m['peak']:,.0f} | {' | '.join(ratios)} | {query} |")
    per_million = med["cohort"]["wall"] / (rows / 1e6)
    lines += ["", f"`cohort matrix`: {per_million:.3f} s per million rows "
              f"({(med['cohort']['wall'] - med['cat']['wall']) / (rows / 1e6):.3f} s above the `cat` floor)."]
    return lines, med


LABELS = {
    "cat": "`cat FILE > /dev/null` (floor)",
    "cohort": "`cohort matrix FILE --format csv`",
    "duckdb": "DuckDB (`read_csv`, SQL)",
    "polars": "polars (lazy `scan_csv`)",
    "cohort-report": "`cohort report FILE` (every format)",
    "cohort-db": "`cohort matrix postgresql://… --table orders` (pushdown)",
    "cohort-db-rows": "`cohort matrix postgresql://… --no-pushdown`",
}


def machine_description():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


# ----------------------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="1000000,10000000", help="comma-separated row counts (default 1000000,10000000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each tool per file (default 3; the median is reported)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"folder for the venv, data and outputs (default {DEFAULT_WORK})")
    parser.add_argument("--cohort", type=Path, help="a built cohort binary (default: swift build -c release)")
    parser.add_argument("--scratch-path", help="swift build --scratch-path for the release build")
    parser.add_argument("--seed", type=int, default=42, help="cohort sample --seed and shuffle seed")
    parser.add_argument("--duckdb", default="duckdb==2.0.0", help="pip requirement for DuckDB")
    parser.add_argument("--polars", default="polars==2.1.0", help="pip requirement for polars")
    parser.add_argument("--no-report", action="store_true", help="skip `cohort report`")
    parser.add_argument("--no-database", action="store_true", help="skip the PostgreSQL case (run.sh then starts no server)")
    parser.add_argument("--database-rows", action="store_true", help="also time `--no-pushdown` (every row streamed from PostgreSQL)")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="folder for the results file (default bench/results)")
    parser.add_argument("--no-results-file", action="store_true", help="print the table only")
    args = parser.parse_args()

    work = args.work.resolve()
    if work == REPO or REPO in work.parents:
        sys.exit(f"--work {work} is inside the repository; data files stay outside it")
    work.mkdir(parents=True, exist_ok=True)
    cohort = args.cohort.resolve() if args.cohort else build_cohort(args.scratch_path)
    python, versions = python_env(work, args.duckdb, args.polars)
    row_counts = [int(r) for r in args.rows.split(",")]
    commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    load_before = load_average()
    started = dt.datetime.now()

    sections, summary = [], []
    for rows in row_counts:
        data = order_file(cohort, work, rows, args.seed)
        size_mb = data.stat().st_size / 1e6
        out = work / f"out-{rows}"
        out.mkdir(exist_ok=True)
        commands = {
            "cat": (["cat", str(data)], None),
            "cohort": ([str(cohort), "matrix", str(data), "--format", "csv"], out / "cohort.csv"),
            "duckdb": ([str(python), str(HERE / "peers" / "duckdb_matrix.py"), str(data), str(out / "duckdb.csv")], None),
            "polars": ([str(python), str(HERE / "peers" / "polars_matrix.py"), str(data), str(out / "polars.csv")], None),
        }
        if not args.no_report:
            commands["cohort-report"] = ([str(cohort), "report", str(data), "--out", str(out / "report")], None)
        database = os.environ.get("COHORT_TEST_POSTGRES") if not args.no_database else None
        load_note = ""
        if database:
            table, load_seconds = load_table(data, rows)
            load_note = f"PostgreSQL: `COPY` of the file into `{table}` (and `VACUUM ANALYZE`) took {load_seconds:.1f} s, not timed below. "
            commands["cohort-db"] = ([str(cohort), "matrix", database, "--table", table, "--format", "csv"], out / "cohort-db.csv")
            if args.database_rows:
                commands["cohort-db-rows"] = ([str(cohort), "matrix", database, "--table", table, "--no-pushdown", "--format", "csv"],
                                              out / "cohort-db-rows.csv")
        results = {tool: [] for tool in commands}
        timed(["cat", str(data)])  # the file into the page cache for everyone
        for run in range(args.runs):
            for tool, (command, stdout_path) in commands.items():
                if stdout_path:
                    with open(stdout_path, "w") as stdout:
                        results[tool].append(timed(command, stdout=stdout))
                else:
                    results[tool].append(timed(command))
                print(f"{rows:>10,} rows  run {run + 1}/{args.runs}  {tool:<14} {results[tool][-1].wall:7.2f} s "
                      f"{results[tool][-1].peak_mb:8,.0f} MB", file=sys.stderr)
        checks = []
        peers = [("duckdb", "duckdb.csv"), ("polars", "polars.csv")]
        peers += [(tool, f"{tool}.csv") for tool in ("cohort-db", "cohort-db-rows") if tool in commands]
        for peer, name in peers:
            problems, count = compare(out / "cohort.csv", out / name, peer)
            if problems:
                print("\n".join(problems[:20]), file=sys.stderr)
                sys.exit(f"{rows:,} rows: {peer}'s matrix differs from cohort's in {len(problems)} cells")
            checks.append(f"{peer}: all {count:,} cells equal")
        lines, med = table_for(rows, size_mb, results, args.runs)
        lines += ["", f"Same matrix (cohort, age, cohort_size, active_customers, revenue, grr_revenue; money to the cent): "
                  f"{'; '.join(checks)}."]
        if load_note:
            lines += ["", load_note + "The database rows time the whole `cohort` process, the server's work included in its wall "
                      "time (the server is a throwaway cluster on the same machine, default settings); its CPU and memory are not in "
                      "the CPU s and peak MB columns, which are cohort's alone."]
        sections.append("\n".join(lines))
        summary.append((rows, med))

    load_after = load_average()
    title = f"cohort vs DuckDB {versions['duckdb']} vs polars {versions['polars']}, {started:%Y-%m-%d %H:%M}"
    header = [f"### {title}", "",
              f"- machine: {machine_description()}, host `{socket.gethostname()}`",
              f"- cohort `{commit}`, {swift[0] if swift else 'swift'}, release build; DuckDB and polars from PyPI in a venv",
              f"- load average (1, 5, 15 min) before: {load_before}; after: {load_after} "
              "(the machine is shared: other builds may run beside the benchmark)",
              f"- command: `bench/run.sh {' '.join(sys.argv[1:])}`".rstrip(), ""]
    text = "\n".join(header) + "\n" + "\n\n".join(sections) + "\n"
    if len(summary) > 1:
        rates = ", ".join(f"{med['cohort']['wall'] / (rows / 1e6):.3f} s at {rows / 1e6:g}M" for rows, med in summary)
        text += f"\nTime per million rows of `cohort matrix`: {rates}.\n"
    print(text)
    if not args.no_results_file:
        args.results.mkdir(parents=True, exist_ok=True)
        host = re.sub(r"[^A-Za-z0-9_-]+", "-", socket.gethostname()) or "machine"
        path = args.results / f"{started:%Y-%m-%d}-{host}-{os.cpu_count()}core.md"
        path.write_text(text)
        print(f"written to {path.relative_to(REPO) if REPO in path.parents else path}", file=sys.stderr)


if __name__ == "__main__":
    main()
