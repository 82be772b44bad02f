#!/usr/bin/env python3
"""Side-by-side benchmark: `cohort matrix` against DuckDB and polars on the same order files.

One command (see bench/README.md):

    bench/run.sh                       # 1M and 10M rows of each shape, 3 runs each
    bench/run.sh --rows 1000000 --runs 5 --work /tmp/cohort-bench
    bench/run.sh --shapes orders --rows 10000000 --runs 5 --no-polars
    bench/run.sh --memory-rows 100000000 --rows 0   # the 100M-row memory run only

What it does, in one session so that the ratios are fair:

1. builds the release `cohort` (or takes `--cohort BINARY`);
2. makes a Python virtual environment in the work folder and installs DuckDB and
   polars into it from PyPI (once; `--duckdb` / `--polars` pin versions);
3. writes each order file into the work folder, never into the repository, in each
   shape asked for (`--shapes`): `sample` is `cohort sample --rows N` with its body
   lines shuffled (the sample is sorted by date; real exports are not); `lines` (an
   order-line export, several lines per order) and `orders` (one distinct order id
   per row) come from bench/shapes.py, customers with 5 to 40 orders, shuffled;
4. runs, round-robin, `cat FILE > /dev/null` (the floor), `cohort matrix FILE
   --format csv`, the same with `--sums-from-mb 0` (the file read into sums per customer,
   order and day, as files of 256 MiB or more are; `--no-sums` skips it), the same matrix in DuckDB (bench/peers/duckdb_matrix.py) and in
   polars (bench/peers/polars_matrix.py), and `cohort report FILE` (every output
   format), each under /usr/bin/time for wall time, CPU time and peak memory;
5. checks that the three matrices agree on every cell (cohort, age, cohort_size,
   active_customers, revenue, grr_revenue; money to the cent);
6. with a PostgreSQL server (bench/run.sh starts a throwaway one with scripts/with-postgres.sh
   when PostgreSQL is installed; `--no-database` skips it): loads each file into a table
   with COPY (its columns named and typed from the file's header, so every shape loads) and
   times `cohort matrix postgresql://... --table orders_SHAPE_N` (the work pushed down into
   the database) beside the file run, and checks its matrix too;
7. prints the table and writes it to bench/results/<date>-<machine>.md;
8. with `--memory-rows N` (e.g. 100M), runs `cohort matrix` (and `cohort report`, the
   table path with `--memory-table`, and DuckDB with `--memory-peers`) once per shape on an
   N-row file and records wall time, CPU time and peak resident memory; the matrices of
   the peers and of the table path are compared with cohort's cell by cell.

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


def shown_arguments(arguments):
    """The command's arguments as the results file shows them: an absolute path by its last part
    only (`.../cohort-abc`), so that no folder of the machine that ran it is published."""
    return " ".join(f".../{Path(argument).name}" if argument.startswith("/") else argument for argument in arguments)


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


SHAPES = ("sample", "lines", "orders")
SHAPE_TITLES = {
    "sample": "`cohort sample`",
    "lines": "order lines, 1–5 lines per order",
    "orders": "one distinct order id per row",
}


def order_file(cohort, python, work, shape, rows, seed):
    """The order file of a shape and row count in the work folder, written when missing."""
    if shape == "sample":
        return sample_file(cohort, work, rows, seed)
    path = work / f"{shape}-{rows}.csv"
    if path.exists() and path.stat().st_size > 0:
        return path
    temp = work / "duckdb-temp"
    temp.mkdir(exist_ok=True)
    sh([str(python), str(HERE / "shapes.py"), shape, str(rows), str(path), "--seed", str(seed), "--temp", str(temp)])
    return path


def sample_file(cohort, work, rows, seed):
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


# Column types of the PostgreSQL table by header name; every other column is text (ids, sku, segments).
COLUMN_TYPES = {"order_date": "date", "amount": "numeric(12,2)", "quantity": "integer"}


def load_table(data, shape, rows):
    """COPY the order file into a table of the benchmark's server (psql from with-postgres.sh); seconds taken.

    The table's columns are the file's header, in its order (COPY matches by position), typed by
    name (COLUMN_TYPES), so that the shapes' different columns all load."""
    table = f"orders_{shape}_{rows}"
    with open(data, newline="") as f:
        header = next(csv.reader(f))
    columns = ", ".join('"' + name.replace('"', '""') + '" ' + COLUMN_TYPES.get(name, "text") for name in header)
    path = str(data).replace("'", "''")
    started = dt.datetime.now()
    sql = ("SET client_min_messages = warning;\n"
           f"DROP TABLE IF EXISTS {table};\n"
           f"CREATE TABLE {table} ({columns});\n"
           f"\\copy {table} FROM '{path}' WITH (FORMAT csv, HEADER true)\n"
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


def same_matrices(out, peers, context):
    """Each peer's matrix (out/NAME) against cohort's, as (peer, cells compared); stops the run at the first that differs."""
    counts = []
    for peer, name in peers:
        problems, count = compare(out / "cohort.csv", out / name, peer)
        if problems:
            print("\n".join(problems[:20]), file=sys.stderr)
            sys.exit(f"{context}: {peer}'s matrix differs from cohort's in {len(problems)} cells")
        counts.append((peer, count))
    return counts


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


def table_for(shape, rows, size_mb, results, runs, load):
    """Markdown table of one order file's results."""
    med = {tool: {"wall": statistics.median(r.wall for r in rs), "cpu": statistics.median(r.cpu for r in rs),
                  "peak": statistics.median(r.peak_mb for r in rs)} for tool, rs in results.items() if rs}
    lines = [f"#### {SHAPE_TITLES[shape]}: {rows:,} rows ({size_mb:,.0f} MB, shuffled), median of {runs} runs",
             "",
             f"Load average (1, 5, 15 min) before and after: {load[0]}; {load[1]}.",
             "",
             "| tool | wall s (min–max) | CPU s | peak MB | wall vs DuckDB | memory vs DuckDB | wall vs polars | memory vs polars | in-query s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for tool, rs in results.items():
        if not rs:
            continue
        m = med[tool]
        walls = [r.wall for r in rs]
        ratios = []
        for peer in ("duckdb", "polars"):
            if tool.startswith(("cohort", "before")) and peer in med:
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
    "cohort-sums": "`cohort matrix FILE --sums-from-mb 0` (read into sums)",
    "cohort-table": "`cohort matrix FILE --sums-from-mb 1000000` (read into a table)",
    "duckdb": "DuckDB (`read_csv`, SQL)",
    "polars": "polars (lazy `scan_csv`)",
    "cohort-report": "`cohort report FILE` (every format)",
    "cohort-db": "`cohort matrix postgresql://… --table orders_…` (pushdown)",
    "cohort-db-rows": "`cohort matrix postgresql://… --no-pushdown`",
    "before": "`cohort matrix` (--before binary)",
    "before-report": "`cohort report` (--before binary)",
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
    parser.add_argument("--rows", default="1000000,10000000", help="comma-separated row counts (default 1000000,10000000; 0: none)")
    parser.add_argument("--shapes", default="sample,lines,orders",
                        help=f"comma-separated file shapes, of {', '.join(SHAPES)} (default: all three; see bench/shapes.py)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each tool per file (default 3; the median is reported)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"folder for the venv, data and outputs (default {DEFAULT_WORK})")
    parser.add_argument("--cohort", type=Path, help="a built cohort binary (default: swift build -c release)")
    parser.add_argument("--before", type=Path, help="another cohort binary (an earlier commit), timed beside --cohort in the same rounds")
    parser.add_argument("--scratch-path", help="swift build --scratch-path for the release build")
    parser.add_argument("--seed", type=int, default=42, help="cohort sample --seed, shapes.py seed and shuffle seed")
    parser.add_argument("--duckdb", default="duckdb==2.0.0", help="pip requirement for DuckDB")
    parser.add_argument("--polars", default="polars==2.1.0", help="pip requirement for polars")
    parser.add_argument("--no-polars", action="store_true", help="skip polars (the slowest peer)")
    parser.add_argument("--no-report", action="store_true", help="skip `cohort report`")
    parser.add_argument("--no-database", action="store_true", help="skip the PostgreSQL case (run.sh then starts no server)")
    parser.add_argument("--database-rows", action="store_true", help="also time `--no-pushdown` (every row streamed from PostgreSQL)")
    parser.add_argument("--memory-rows", type=int, default=0,
                        help="also run cohort once on a file of this many rows per --memory-shapes, for peak memory (e.g. 100000000)")
    parser.add_argument("--memory-shapes", default="lines,orders", help="shapes of the memory run (default lines,orders)")
    parser.add_argument("--no-sums", action="store_true",
                        help="skip `cohort matrix --sums-from-mb 0` (the file read into sums per customer and order, as files of 256 MiB or more are)")
    parser.add_argument("--memory-table", action="store_true",
                        help="in the memory run, also read each file into a table (`--sums-from-mb 1000000`), as files under 256 MiB are")
    parser.add_argument("--memory-peers", action="store_true", help="run DuckDB in the memory run too (slow, and it needs much memory)")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="folder for the results file (default bench/results)")
    parser.add_argument("--results-name", help="file name of the results (default <date>-<host>-<cores>core.md)")
    parser.add_argument("--no-results-file", action="store_true", help="print the table only")
    args = parser.parse_args()

    work = args.work.resolve()
    if work == REPO or REPO in work.parents:
        sys.exit(f"--work {work} is inside the repository; data files stay outside it")
    work.mkdir(parents=True, exist_ok=True)
    shapes = [shape for shape in args.shapes.split(",") if shape]
    memory_shapes = [shape for shape in args.memory_shapes.split(",") if shape]
    for shape in shapes + memory_shapes:
        if shape not in SHAPES:
            sys.exit(f"unknown shape {shape!r}; use {', '.join(SHAPES)}")
    cohort = args.cohort.resolve() if args.cohort else build_cohort(args.scratch_path)
    before = args.before.resolve() if args.before else None
    python, versions = python_env(work, args.duckdb, args.polars)
    row_counts = [int(r) for r in args.rows.split(",") if int(r) > 0]
    commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    load_before = load_average()
    started = dt.datetime.now()

    database = os.environ.get("COHORT_TEST_POSTGRES") if not args.no_database else None
    sections, summary = [], []
    for shape in shapes:
        for rows in row_counts:
            data = order_file(cohort, python, work, shape, rows, args.seed)
            size_mb = data.stat().st_size / 1e6
            out = work / f"out-{shape}-{rows}"
            out.mkdir(exist_ok=True)
            commands = {
                "cat": (["cat", str(data)], None),
                "cohort": ([str(cohort), "matrix", str(data), "--format", "csv"], out / "cohort.csv"),
            }
            if not args.no_sums:
                commands["cohort-sums"] = ([str(cohort), "matrix", str(data), "--format", "csv", "--sums-from-mb", "0"], out / "cohort-sums.csv")
            if before:
                commands["before"] = ([str(before), "matrix", str(data), "--format", "csv"], out / "before.csv")
            commands["duckdb"] = ([str(python), str(HERE / "peers" / "duckdb_matrix.py"), str(data), str(out / "duckdb.csv")], None)
            if not args.no_polars:
                commands["polars"] = ([str(python), str(HERE / "peers" / "polars_matrix.py"), str(data), str(out / "polars.csv")], None)
            if not args.no_report:
                commands["cohort-report"] = ([str(cohort), "report", str(data), "--out", str(out / "report")], None)
                if before:
                    commands["before-report"] = ([str(before), "report", str(data), "--out", str(out / "report-before")], None)
            load_note = ""
            if database:
                table, load_seconds = load_table(data, shape, rows)
                load_note = (f"PostgreSQL: `COPY` of the file into `{table}` (and `VACUUM ANALYZE`) took {load_seconds:.1f} s, "
                             "not timed below. ")
                commands["cohort-db"] = ([str(cohort), "matrix", database, "--table", table, "--format", "csv"], out / "cohort-db.csv")
                if args.database_rows:
                    commands["cohort-db-rows"] = ([str(cohort), "matrix", database, "--table", table, "--no-pushdown", "--format", "csv"],
                                                  out / "cohort-db-rows.csv")
            results = {tool: [] for tool in commands}
            timed(["cat", str(data)])  # the file into the page cache for everyone
            load = [load_average()]
            for run in range(args.runs):
                for tool, (command, stdout_path) in commands.items():
                    if stdout_path:
                        with open(stdout_path, "w") as stdout:
                            results[tool].append(timed(command, stdout=stdout))
                    else:
                        results[tool].append(timed(command))
                    print(f"{shape:>6} {rows:>11,} rows  run {run + 1}/{args.runs}  {tool:<14} {results[tool][-1].wall:7.2f} s "
                          f"{results[tool][-1].peak_mb:8,.0f} MB", file=sys.stderr)
            load.append(load_average())
            checks = []
            peers = [("duckdb", "duckdb.csv")] + ([] if args.no_polars else [("polars", "polars.csv")])
            peers += [("before", "before.csv")] if before else []
            peers += [] if args.no_sums else [("cohort-sums", "cohort-sums.csv")]
            peers += [(tool, f"{tool}.csv") for tool in ("cohort-db", "cohort-db-rows") if tool in commands]
            for peer, count in same_matrices(out, peers, f"{shape}, {rows:,} rows"):
                checks.append(f"{peer}: all {count:,} cells equal")
            lines, med = table_for(shape, rows, size_mb, results, args.runs, load)
            lines += ["", f"Same matrix (cohort, age, cohort_size, active_customers, revenue, grr_revenue; money to the cent): "
                      f"{'; '.join(checks)}."]
            if load_note:
                lines += ["", load_note + "The database rows time the whole `cohort` process, the server's work included in its wall "
                          "time (the server is a throwaway cluster on the same machine, default settings); its CPU and memory are not in "
                          "the CPU s and peak MB columns, which are cohort's alone."]
            sections.append("\n".join(lines))
            summary.append((shape, rows, med))

    if args.memory_rows:
        sections.append(memory_run(args, cohort, before, python, work, memory_shapes))

    load_after = load_average()
    peers = f"DuckDB {versions['duckdb']}" + ("" if args.no_polars else f" vs polars {versions['polars']}")
    title = f"cohort vs {peers}, {started:%Y-%m-%d %H:%M}"
    header = [f"### {title}", "",
              f"- machine: {machine_description()}, host `{socket.gethostname()}`",
              f"- cohort `{commit}`, {swift[0] if swift else 'swift'}, release build; {peers.replace(' vs ', ' and ')} from PyPI in a venv",
              f"- load average (1, 5, 15 min) before: {load_before}; after: {load_after} "
              "(the machine is shared: other builds may run beside the benchmark)",
              f"- command: `bench/run.sh {shown_arguments(sys.argv[1:])}`".rstrip(), ""]
    text = "\n".join(header) + "\n" + "\n\n".join(sections) + "\n"
    rates = [f"{med['cohort']['wall'] / (rows / 1e6):.3f} s at {rows / 1e6:g}M ({shape})" for shape, rows, med in summary]
    if len(rates) > 1:
        text += f"\nTime per million rows of `cohort matrix`: {', '.join(rates)}.\n"
    print(text)
    if not args.no_results_file:
        args.results.mkdir(parents=True, exist_ok=True)
        host = re.sub(r"[^A-Za-z0-9_-]+", "-", socket.gethostname()) or "machine"
        path = args.results / (args.results_name or f"{started:%Y-%m-%d}-{host}-{os.cpu_count()}core.md")
        path.write_text(text)
        print(f"written to {path.relative_to(REPO) if REPO in path.parents else path}", file=sys.stderr)


def memory_run(args, cohort, before, python, work, shapes):
    """One run per tool and shape on a large file: wall, CPU and peak memory (the file is not kept in the page cache first)."""
    rows = args.memory_rows
    lines = [f"#### Memory run: {rows:,} rows, one run each", "",
             "| shape | file | tool | wall s | CPU s | peak MB | load before → after |",
             "|---|---|---|---|---|---|---|"]
    checks = []
    for shape in shapes:
        data = order_file(cohort, python, work, shape, rows, args.seed)
        size = f"{data.stat().st_size / 1e9:.1f} GB"
        out = work / f"out-{shape}-{rows}"
        out.mkdir(exist_ok=True)
        commands = [("cohort", [str(cohort), "matrix", str(data), "--format", "csv"], out / "cohort.csv")]
        if args.memory_table:
            commands.append(("cohort-table", [str(cohort), "matrix", str(data), "--format", "csv", "--sums-from-mb", "1000000"],
                             out / "cohort-table.csv"))
        if before:
            commands.append(("before", [str(before), "matrix", str(data), "--format", "csv"], out / "before.csv"))
        if args.memory_peers:
            commands.append(("duckdb", [str(python), str(HERE / "peers" / "duckdb_matrix.py"), str(data), str(out / "duckdb.csv")], None))
        if not args.no_report:
            commands.append(("cohort-report", [str(cohort), "report", str(data), "--out", str(out / "report")], None))
        for tool, command, stdout_path in commands:
            load = load_average()
            if stdout_path:
                with open(stdout_path, "w") as stdout:
                    run = timed(command, stdout=stdout)
            else:
                run = timed(command)
            print(f"{shape:>6} {rows:>11,} rows  memory run  {tool:<14} {run.wall:7.2f} s {run.peak_mb:8,.0f} MB", file=sys.stderr)
            lines.append(f"| {SHAPE_TITLES[shape]} | {size} | {LABELS[tool]} | {run.wall:.1f} | {run.cpu:.1f} | {run.peak_mb:,.0f} | "
                         f"{load} → {load_average()} |")
        memory_peers = ([("duckdb", "duckdb.csv")] if args.memory_peers else []) + ([("before", "before.csv")] if before else [])
        memory_peers += [("cohort-table", "cohort-table.csv")] if args.memory_table else []
        for peer, count in same_matrices(out, memory_peers, f"memory run, {shape}"):
            checks.append(f"{shape}: {peer}'s {count:,} cells equal cohort's")
    if checks:  # after the table, which a line of text would cut in two
        lines += ["", "; ".join(checks) + "."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
