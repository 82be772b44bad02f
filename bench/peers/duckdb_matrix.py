#!/usr/bin/env python3
"""The cohort matrix of `cohort matrix --format csv` computed by DuckDB: SQL over read_csv.

Semantics from docs/METRICS.md (and bench/crosscheck/crosscheck.py): rows sharing an
order id under one customer are one order, dated by its earliest line; an order is
positive when its total is > 0; a customer is active in a period with a positive order;
its cohort is its first active period; revenue is the net sum of the rows dated in the
period (on or after the cohort); GRR revenue is the sum of min(x, x0), x = max(0, net).
The as-of date is the latest order date, so every row counts.

Writes one CSV row per (cohort, age) that has rows: cohort, age, cohort_size,
active_customers, revenue, grr_revenue (money as exact decimals). Prints the seconds
spent inside DuckDB on standard error.

Usage: duckdb_matrix.py ORDERS.csv OUT.csv [--threads N]
"""
import sys
import time

import duckdb

QUERY = """
COPY (
WITH r AS (
    SELECT customer_id AS cust, order_id AS oid, amount AS amt,
           year(order_date) * 12 + month(order_date) - 1 AS p
    FROM read_csv($path, header = true,
                  types = {'customer_id': 'VARCHAR', 'order_id': 'VARCHAR',
                           'order_date': 'DATE', 'amount': 'DECIMAL(18,2)'})
),
orders AS (SELECT cust, oid, min(p) AS p, sum(amt) AS total FROM r GROUP BY cust, oid),
positive AS (SELECT DISTINCT cust, p FROM orders WHERE total > 0),
cohorts AS (SELECT cust, min(p) AS c FROM positive GROUP BY cust),
sizes AS (SELECT c, count(*) AS n FROM cohorts GROUP BY c),
net AS (SELECT cust, p, sum(amt) AS net FROM r GROUP BY cust, p),
cells AS (
    SELECT net.cust, cohorts.c, net.p, net.net, greatest(net.net, 0) AS x,
           positive.cust IS NOT NULL AS active
    FROM net JOIN cohorts ON net.cust = cohorts.cust
    LEFT JOIN positive ON positive.cust = net.cust AND positive.p = net.p
    WHERE net.p >= cohorts.c
),
acquisition AS (SELECT cust, x AS x0 FROM cells WHERE p = c)
SELECT printf('%04d-%02d', c // 12, c % 12 + 1) AS cohort, p - c AS age,
       any_value(sizes.n) AS cohort_size,
       count(*) FILTER (WHERE active) AS active_customers,
       sum(net) AS revenue,
       sum(least(x, x0)) AS grr_revenue
FROM cells JOIN acquisition USING (cust) JOIN sizes USING (c)
GROUP BY c, p - c
ORDER BY c, age
) TO '{out}' (HEADER, DELIMITER ',')
"""


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, out = sys.argv[1], sys.argv[2]
    con = duckdb.connect()
    if "--threads" in sys.argv:
        con.execute(f"SET threads = {int(sys.argv[sys.argv.index('--threads') + 1])}")
    started = time.perf_counter()
    con.execute(QUERY.replace("{out}", out.replace("'", "''")), {"path": path})
    print(f"duckdb {duckdb.__version__}: {time.perf_counter() - started:.3f} s in the query", file=sys.stderr)


if __name__ == "__main__":
    main()
