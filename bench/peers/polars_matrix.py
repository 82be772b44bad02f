#!/usr/bin/env python3
"""The cohort matrix of `cohort matrix --format csv` computed by polars: a lazy scan_csv query.

Same semantics as duckdb_matrix.py (docs/METRICS.md). Amounts are read as Float64 and
rounded to integer cents at once, so every sum is exact (|amount| < 2^53 cents).

Writes one CSV row per (cohort, age) that has rows: cohort, age, cohort_size,
active_customers, revenue_cents, grr_revenue_cents. Prints the seconds spent inside
polars on standard error.

Usage: polars_matrix.py ORDERS.csv OUT.csv
"""
import sys
import time

import polars as pl


def matrix(path):
    date = pl.col("order_date")
    rows = pl.scan_csv(path, schema_overrides={"customer_id": pl.String, "order_id": pl.String,
                                               "order_date": pl.Date, "amount": pl.Float64}).select(
        pl.col("customer_id").alias("cust"),
        pl.col("order_id").alias("oid"),
        (date.dt.year().cast(pl.Int32) * 12 + date.dt.month().cast(pl.Int32) - 1).alias("p"),
        (pl.col("amount") * 100).round(0).cast(pl.Int64).alias("cents"),
    )
    orders = rows.group_by("cust", "oid").agg(pl.col("p").min(), pl.col("cents").sum().alias("total"))
    positive = orders.filter(pl.col("total") > 0).select("cust", "p").unique()
    cohorts = positive.group_by("cust").agg(pl.col("p").min().alias("c"))
    sizes = cohorts.group_by("c").agg(pl.len().alias("cohort_size"))
    net = rows.group_by("cust", "p").agg(pl.col("cents").sum().alias("net"))
    cells = (net.join(cohorts, on="cust")
             .filter(pl.col("p") >= pl.col("c"))
             .join(positive.with_columns(pl.lit(True).alias("active")), on=["cust", "p"], how="left")
             .with_columns(pl.col("net").clip(lower_bound=0).alias("x")))
    acquisition = cells.filter(pl.col("p") == pl.col("c")).select("cust", pl.col("x").alias("x0"))
    return (cells.join(acquisition, on="cust")
            .group_by("c", (pl.col("p") - pl.col("c")).alias("age"))
            .agg(pl.col("active").fill_null(False).sum().alias("active_customers"),
                 pl.col("net").sum().alias("revenue_cents"),
                 pl.min_horizontal("x", "x0").sum().alias("grr_revenue_cents"))
            .join(sizes, on="c")
            .sort("c", "age")
            .select(pl.format("{}-{}", (pl.col("c") // 12).cast(pl.String),
                              (pl.col("c") % 12 + 1).cast(pl.String).str.zfill(2)).alias("cohort"),
                    "age", "cohort_size", "active_customers", "revenue_cents", "grr_revenue_cents"))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, out = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    matrix(path).collect().write_csv(out)
    print(f"polars {pl.__version__}: {time.perf_counter() - started:.3f} s in the query", file=sys.stderr)


if __name__ == "__main__":
    main()
