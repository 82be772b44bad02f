#!/usr/bin/env python3
"""Order files shaped like real exports, for bench/run.py: written by DuckDB, shuffled, repeatable.

Two shapes besides `cohort sample` (see bench/README.md):

- `lines`: an order-line export (order_id, order_date, customer_id, sku, quantity, amount):
  1 to 5 lines per order (3 on average), amount = quantity × unit price; 2 % of the orders
  get a refund line later (same order id, negative amount, 3 to 45 days after the order);
- `orders`: one distinct order id per row (order_id, order_date, customer_id, amount);
  3 % of the rows are refunds (negative, their own order id).

In both, every customer has 5 to 40 orders (uniformly), spread over 30 days to 3 years from
a first order between 2021 and 2025; customer ids are `C` and 8 digits, order ids 10 digits,
each order's id distinct. The rows are cut at exactly N and shuffled (real exports are in no
useful order). Everything is a function of the seed, row count and shape: the same arguments
give the same file.

Usage: shapes.py SHAPE ROWS OUT.csv [--seed 42] [--temp DIR]   (run with the bench venv's python)
"""
import sys
import time
from pathlib import Path

import duckdb

SHAPES = ("lines", "orders")
LAST_DAY = "2025-12-31"

# Per shape: the columns written, and the lines an order has on average (to size the customers).
COLUMNS = {
    "lines": "order_id, order_date, customer_id, sku, quantity, amount",
    "orders": "order_id, order_date, customer_id, amount",
}
LINES_PER_ORDER = {"lines": 3.06, "orders": 1.0}

QUERY = """
COPY (
WITH customers AS (
    SELECT c, 5 + rnd('orders', c, 0, 36) AS order_count,
           30 + rnd('span', c, 0, 1066) AS span
    FROM range($customers) t(c)
),
placed AS (
    SELECT c, order_count, span, DATE '2021-01-01' + CAST(rnd('first', c, 0, 1826 - span) AS INTEGER) AS first_day
    FROM customers
),
orders AS (
    SELECT c, k, first_day + CAST(CASE WHEN k = 0 THEN 0 ELSE rnd('day', c, k, span) END AS INTEGER) AS day
    FROM (SELECT c, first_day, span, unnest(range(order_count)) AS k FROM placed)
),
numbered AS (
    SELECT c, k, day, row_number() OVER (ORDER BY c, k) - 1 AS o FROM orders
),
lines AS (
    {lines}
),
cut AS (
    SELECT * FROM lines ORDER BY o, line LIMIT $rows
)
SELECT {columns} FROM (
    SELECT CAST(1000000000 + (o * 2654435761) % 2147483648 AS VARCHAR) AS order_id,
           strftime(day, '%Y-%m-%d') AS order_date,
           'C' || lpad(CAST((c * 2246822519) % 100000000 AS VARCHAR), 8, '0') AS customer_id,
           sku, quantity, CAST(amount AS DECIMAL(12, 2)) AS amount, o, line
    FROM cut
)
ORDER BY hash($seed, 'shuffle', o, line)
) TO '{out}' (HEADER, DELIMITER ',')
"""

LINES = {
    # 1 to 5 lines per order; 2 % of orders also get a refund line 3 to 45 days later (never after LAST_DAY).
    "lines": """
        SELECT c, o, line, day, 'SKU-' || lpad(CAST(rnd('sku', o, line, 20000) AS VARCHAR), 5, '0') AS sku,
               quantity, quantity * price AS amount
        FROM (SELECT c, o, day, unnest(range(1 + rnd('lines', o, 0, 5))) AS line FROM numbered),
             LATERAL (SELECT CAST(1 + rnd('quantity', o, line, 3) AS INTEGER) AS quantity,
                             CAST(100 + rnd('price', o, line, 9900) AS DECIMAL(12, 2)) / 100 AS price)
        UNION ALL
        SELECT c, o, 9 AS line, least(day + CAST(3 + rnd('refund day', o, 0, 43) AS INTEGER), DATE '{last}') AS day,
               'SKU-' || lpad(CAST(rnd('sku', o, 0, 20000) AS VARCHAR), 5, '0') AS sku, -1 AS quantity,
               -CAST(100 + rnd('price', o, 0, 9900) AS DECIMAL(12, 2)) / 100 AS amount
        FROM numbered WHERE rnd('refund', o, 0, 100) < 2
    """,
    # One row per order; 3 % are refunds (their own order id, a negative amount).
    "orders": """
        SELECT c, o, 0 AS line, day, NULL AS sku, NULL AS quantity,
               CASE WHEN rnd('refund', o, 0, 100) < 3 THEN -1 ELSE 1 END
               * CAST(100 + rnd('price', o, 0, 29900) AS DECIMAL(12, 2)) / 100 AS amount
        FROM numbered
    """,
}


def write(shape, rows, out, seed=42, temp=None):
    """Writes `rows` rows of `shape` to `out` (through a .partial file, renamed when complete)."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
    out = Path(out)
    partial = out.with_suffix(".partial")
    # Customers enough for the rows (mean 22.5 orders each), a fifth more; the rows are cut at exactly `rows`.
    customers = int(rows / LINES_PER_ORDER[shape] / 22.5 * 1.2) + 10
    con = duckdb.connect()
    if temp:
        con.execute(f"SET temp_directory = '{Path(temp).as_posix()}'")
    con.execute("SET preserve_insertion_order = false")
    # rnd(…, n): a repeatable number in 0 ..< n from the seed and the keys (DuckDB's hash of its arguments).
    con.execute(f"CREATE MACRO rnd(k1, k2, k3, n) AS CAST(hash({int(seed)}, k1, k2, k3) % CAST(n AS UBIGINT) AS BIGINT)")
    query = (QUERY.replace("{lines}", LINES[shape]).replace("{columns}", COLUMNS[shape])
             .replace("{last}", LAST_DAY).replace("{out}", partial.as_posix().replace("'", "''")))
    con.execute(query, {"seed": seed, "customers": customers, "rows": rows})
    partial.rename(out)
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 42
    temp = args[args.index("--temp") + 1] if "--temp" in args else None
    started = time.perf_counter()
    path = write(args[0], int(args[1]), args[2], seed=seed, temp=temp)
    print(f"{path}: {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
