#!/usr/bin/env python3
"""Independent recomputation of `cohort mrr --format csv` in SQL (SQLite, Python's standard library).

From the definitions of docs/METRICS.md, "Subscriptions and contracts", written again as SQL over the
contract rows: MRR of a customer at a month's end is the sum over the contracts in force on that day
(the as-of date in the as-of month), compared day by day in a join (cohort uses difference arrays);
the bridges come from LAG over each customer's months; a contract is renewed when EXISTS another of
the customer's contracts that starts after it, no later than end + grace days, and ends after it. It
runs the given cohort binary and compares every field of every month; money to the cent, rates to
the fourth place (exact fractions, half away from zero).

    python3 bench/crosscheck/mrr_crosscheck.py CONTRACTS.csv --cohort .build/debug/cohort \\
        [--as-of YYYY-MM-DD] [--grace-days N] [--generate SEED]

With --generate, CONTRACTS.csv is first written with random contracts of the seed, rich in edge cases:
ends on a month's last day and on the 30th of 31-day months, running contracts, overlaps, zero MRR,
renewals exactly at the end of the grace period and one day after it, early and late renewals.

Expected columns: customer_id, start, end (empty: running), mrr (a plain decimal such as 99.50);
contract_id is ignored. Prints the first 20 mismatches and exits 1, or `mrr: N months match`.
"""
import argparse
import csv
import io
import sqlite3
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

SETUP = """
CREATE TABLE known AS SELECT * FROM contracts WHERE start <= :asof;
CREATE INDEX known_customer ON known (customer);
CREATE TABLE month_end AS
WITH RECURSIVE months(first_day) AS (
    SELECT date(MIN(start), 'start of month') FROM known
    UNION ALL
    SELECT date(first_day, '+1 month') FROM months WHERE date(first_day, '+1 month') <= :asof
)
SELECT first_day, strftime('%Y-%m', first_day) AS label,
       MIN(date(first_day, '+1 month', '-1 day'), :asof) AS day,
       date(first_day, '+1 month', '-1 day') > :asof AS partial
FROM months;
-- MRR in force on each month's day, customer by customer (a join on dates, no difference arrays).
CREATE TABLE in_force AS
SELECT m.first_day, k.customer, SUM(k.mrr) AS value
FROM month_end m JOIN known k ON k.start <= m.day AND (k.finish IS NULL OR k.finish >= m.day)
GROUP BY m.first_day, k.customer;
CREATE TABLE x AS
SELECT m.label, m.first_day, c.customer, MAX(COALESCE(f.value, 0), 0) AS value
FROM month_end m CROSS JOIN (SELECT DISTINCT customer FROM known) c
LEFT JOIN in_force f ON f.first_day = m.first_day AND f.customer = c.customer;
CREATE TABLE first_positive AS SELECT customer, MIN(first_day) AS first_day FROM x WHERE value > 0 GROUP BY customer;
"""

QUERY = """
WITH
steps AS (
    SELECT x.label, x.first_day, x.customer, x.value,
           COALESCE(LAG(x.value) OVER (PARTITION BY x.customer ORDER BY x.first_day), 0) AS previous,
           p.first_day AS first_positive
    FROM x LEFT JOIN first_positive p ON p.customer = x.customer
),
bridge AS (
    SELECT label, first_day,
           SUM(previous > 0) AS customers_start,
           SUM(value > 0 AND first_day = first_positive) AS new_customers,
           SUM(value > 0 AND previous = 0 AND first_day > first_positive) AS reactivated,
           SUM(value = 0 AND previous > 0) AS churned,
           SUM(value > 0) AS customers_end,
           SUM(previous) AS mrr_start,
           SUM(CASE WHEN value > 0 AND first_day = first_positive THEN value ELSE 0 END) AS mrr_new,
           SUM(CASE WHEN value > previous AND previous > 0 THEN value - previous ELSE 0 END) AS expansion,
           SUM(CASE WHEN value < previous AND value > 0 THEN value - previous ELSE 0 END) AS contraction,
           SUM(CASE WHEN value = 0 AND previous > 0 THEN -previous ELSE 0 END) AS mrr_churned,
           SUM(CASE WHEN value > 0 AND previous = 0 AND first_day > first_positive THEN value ELSE 0 END) AS reactivation,
           SUM(value) AS mrr_end
    FROM steps GROUP BY label, first_day
),
due AS (
    SELECT strftime('%Y-%m', k.finish) AS label, k.mrr,
           EXISTS (SELECT 1 FROM contracts d WHERE d.customer = k.customer AND d.id <> k.id AND d.start > k.start
                   AND julianday(d.start) <= julianday(k.finish) + :grace AND (d.finish IS NULL OR d.finish > k.finish)) AS renewed,
           julianday(:asof) >= julianday(k.finish) + :grace AS lapsed
    FROM known k
    WHERE k.finish IS NOT NULL AND k.finish >= k.start AND k.finish <= date(:asof, 'start of month', '+1 month', '-1 day')
),
renewals AS (
    SELECT label, SUM(renewed OR lapsed) AS contracts_due, SUM(renewed) AS contracts_renewed,
           SUM(CASE WHEN renewed OR lapsed THEN mrr ELSE 0 END) AS mrr_due, SUM(CASE WHEN renewed THEN mrr ELSE 0 END) AS mrr_renewed
    FROM due GROUP BY label
)
SELECT b.label, m.partial, b.customers_start, b.new_customers, b.reactivated, b.churned, b.customers_end,
       b.mrr_start, b.mrr_new, b.expansion, b.contraction, b.mrr_churned, b.reactivation, b.mrr_end,
       COALESCE(r.contracts_due, 0), COALESCE(r.contracts_renewed, 0), COALESCE(r.mrr_due, 0), COALESCE(r.mrr_renewed, 0)
FROM bridge b JOIN month_end m ON m.label = b.label LEFT JOIN renewals r ON r.label = b.label
ORDER BY b.first_day
"""


def cents(text):
    value = Decimal(text) * 100
    if value != value.to_integral_value():
        raise ValueError(f"'{text}' has more than two decimals")
    return int(value)


def money(value):
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100}.{value % 100:02d}"


def ratio(numerator, denominator):
    if denominator == 0:
        return ""
    exact = Fraction(numerator, denominator) * 10_000
    whole = int(exact)  # toward zero; half away from zero:
    if abs(exact - whole) * 2 >= 1:
        whole += 1 if exact > 0 else -1
    sign = "-" if whole < 0 else ""
    whole = abs(whole)
    return f"{sign}{whole // 10_000}.{whole % 10_000:04d}"


def expected(path, as_of, grace):
    database = sqlite3.connect(":memory:")
    database.execute("CREATE TABLE contracts (id INTEGER PRIMARY KEY, customer TEXT, start TEXT, finish TEXT, mrr INTEGER)")
    with open(path, newline="", encoding="utf-8") as file:
        rows = [(row["customer_id"].strip(), row["start"], row["end"] or None, cents(row["mrr"])) for row in csv.DictReader(file)]
    database.executemany("INSERT INTO contracts (customer, start, finish, mrr) VALUES (?, ?, ?, ?)", rows)
    database.execute("CREATE INDEX contracts_customer ON contracts (customer)")
    if as_of is None:
        as_of = max(row[1] for row in rows)
    for statement in SETUP.split(";\n"):
        if statement.strip():
            database.execute(statement, {"asof": as_of} if ":asof" in statement else {})
    lines = []
    for (label, partial, start, new, reactivated, churned, end, mrr_start, mrr_new, expansion, contraction, mrr_churned,
         reactivation, mrr_end, due, renewed, mrr_due, mrr_renewed) in database.execute(QUERY, {"asof": as_of, "grace": grace}):
        lines.append([label, "true" if partial else "false", str(start), str(new), str(reactivated), str(churned), str(end),
                      money(mrr_start), money(mrr_new), money(expansion), money(contraction), money(mrr_churned), money(reactivation),
                      money(mrr_end), money(12 * mrr_end), str(due), str(renewed), ratio(renewed, due), money(mrr_due),
                      money(mrr_renewed), ratio(mrr_renewed, mrr_due)])
    return lines


def generate(path, seed, grace):
    """Random contracts with the edge cases of METRICS.md's definitions."""
    import calendar
    import datetime
    import random
    rng = random.Random(seed)
    first = datetime.date(2024, 1, 1)
    rows = []
    for customer in range(80):
        start = first + datetime.timedelta(days=rng.randrange(700))
        for _ in range(rng.randint(1, 4)):
            kind = rng.random()
            if kind < 0.3:   # ends on the last day of a month
                months = rng.randint(1, 14)
                year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
                end = datetime.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
            elif kind < 0.4:  # ends on the 30th of a 31-day month
                year, month = divmod(start.year * 12 + start.month - 1 + rng.randint(1, 12), 12)
                month += 1
                while calendar.monthrange(year, month)[1] != 31:
                    year, month = divmod(year * 12 + month, 12)
                    month += 1
                end = datetime.date(year, month, 30)
            elif kind < 0.55:
                end = None
            else:
                end = start + datetime.timedelta(days=rng.randint(0, 500))
            mrr = 0 if rng.random() < 0.05 else rng.randint(1, 99_999)
            rows.append((f"K{customer:03d}", start, end, mrr))
            if end is None or end < start:
                break
            gap = rng.choice([1, 1, 1, -rng.randint(1, 20), rng.randint(min(2, grace), grace), grace, grace + 1, rng.randint(grace + 2, 120)])
            start = end + datetime.timedelta(days=gap)
            if start < datetime.date(2024, 1, 1):
                start = datetime.date(2024, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["contract_id", "customer_id", "start", "end", "mrr"])
        for index, (customer, start, end, mrr) in enumerate(rows):
            writer.writerow([f"R{index}", customer, start.isoformat(), end.isoformat() if end else "", f"{mrr // 100}.{mrr % 100:02d}"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("contracts")
    parser.add_argument("--cohort", required=True)
    parser.add_argument("--as-of")
    parser.add_argument("--grace-days", type=int, default=30)
    parser.add_argument("--generate", type=int, metavar="SEED")
    arguments = parser.parse_args()
    if arguments.generate is not None:
        generate(arguments.contracts, arguments.generate, arguments.grace_days)

    command = [arguments.cohort, "mrr", arguments.contracts, "--format", "csv", "--grace-days", str(arguments.grace_days), "--quiet"]
    if arguments.as_of:
        command += ["--as-of", arguments.as_of]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    actual = list(csv.reader(io.StringIO(output)))[1:]
    reference = expected(arguments.contracts, arguments.as_of, arguments.grace_days)

    mismatches = []
    if len(actual) != len(reference):
        mismatches.append(f"cohort gives {len(actual)} months, SQL {len(reference)}")
    for cohort_row, sql_row in zip(actual, reference):
        if cohort_row != sql_row:
            mismatches.append(f"cohort {','.join(cohort_row)}\n   SQL {','.join(sql_row)}")
    if mismatches:
        print("\n".join(mismatches[:20]))
        return 1
    print(f"mrr: {len(reference)} months match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
