#!/usr/bin/env python3
"""Independent cross-check of `cohort matrix` and `cohort kpis` (CSV output).

Recomputes both tables from the order file with DuckDB (loading, order
grouping, per customer/period sums, all in exact DECIMAL) and plain Python
(integer micro-units for money, fractions for ratios), following
docs/METRICS.md, then compares field by field with cohort's output.

Usage:
  python crosscheck.py ORDERS.csv [--period month|week|quarter]
         [--churn-window N] [--as-of YYYY-MM-DD] --cohort PATH_TO_BINARY
"""
import argparse
import csv
import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

import duckdb

UNIT = 10 ** 6  # money is handled as integer micro-units (DECIMAL(38,6) in DuckDB)

MATRIX_COLS = ["cohort", "age", "cohort_size", "active_customers", "retention",
               "unbounded_retention", "revenue", "revenue_retention", "grr_revenue",
               "grr", "cumulative_revenue_per_customer", "partial"]
KPI_COLS = ["period", "partial", "customers_start", "new_customers", "reactivated_customers",
            "churned_customers", "customers_end", "churn_rate", "customer_retention_rate",
            "customer_retention_rate_12", "win_back_rate", "revenue", "revenue_start",
            "revenue_new", "revenue_expansion", "revenue_contraction", "revenue_churned",
            "revenue_reactivation", "revenue_end", "nrr_monthly", "grr_monthly", "nrr_12",
            "grr_12", "revenue_churn_rate", "orders", "average_order_value",
            "repeat_purchase_rate_12", "purchase_frequency_12", "average_lifespan", "clv"]

# Field kinds for comparison.
#   int: exact; money: exact to the cent; r4: ratio, 4 places; d2: derived 2-place value
#   (divided money or lifespan), str: exact text.
KIND = {
    "cohort": "str", "age": "int", "period": "str", "partial": "str",
    "cohort_size": "int", "active_customers": "int",
    "retention": "r4", "unbounded_retention": "r4", "revenue": "money",
    "revenue_retention": "r4", "grr_revenue": "money", "grr": "r4",
    "cumulative_revenue_per_customer": "d2",
    "customers_start": "int", "new_customers": "int", "reactivated_customers": "int",
    "churned_customers": "int", "customers_end": "int", "churn_rate": "r4",
    "customer_retention_rate": "r4", "customer_retention_rate_12": "r4",
    "win_back_rate": "r4", "revenue_start": "money", "revenue_new": "money",
    "revenue_expansion": "money", "revenue_contraction": "money",
    "revenue_churned": "money", "revenue_reactivation": "money", "revenue_end": "money",
    "nrr_monthly": "r4", "grr_monthly": "r4", "nrr_12": "r4", "grr_12": "r4",
    "revenue_churn_rate": "r4", "orders": "int", "average_order_value": "d2",
    "repeat_purchase_rate_12": "r4", "purchase_frequency_12": "r4",
    "average_lifespan": "d2", "clv": "d2",
}

WEEK_ANCHOR = dt.date(1900, 1, 1)  # a Monday


# ----------------------------------------------------------------------------- periods

def period_index(d, kind):
    if kind == "month":
        return d.year * 12 + d.month - 1
    if kind == "quarter":
        return d.year * 4 + (d.month - 1) // 3
    return (d - WEEK_ANCHOR).days // 7


def period_sql(col, kind):
    if kind == "month":
        return f"(year({col}) * 12 + month({col}) - 1)"
    if kind == "quarter":
        return f"(year({col}) * 4 + (month({col}) - 1) // 3)"
    return f"(date_diff('day', DATE '{WEEK_ANCHOR.isoformat()}', {col}) // 7)"


def period_label(p, kind):
    if kind == "month":
        return f"{p // 12:04d}-{p % 12 + 1:02d}"
    if kind == "quarter":
        return f"{p // 4:04d}-Q{p % 4 + 1}"
    monday = WEEK_ANCHOR + dt.timedelta(days=7 * p)
    iso = monday.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def period_last_day(p, kind):
    if kind == "month":
        y, m = divmod(p + 1, 12)  # first day of next month
        return dt.date(y, m + 1, 1) - dt.timedelta(days=1)
    if kind == "quarter":
        y, q = divmod(p + 1, 4)
        return dt.date(y, 3 * q + 1, 1) - dt.timedelta(days=1)
    return WEEK_ANCHOR + dt.timedelta(days=7 * p + 6)


# ----------------------------------------------------------------------------- loading

def load(path, kind, as_of_arg):
    con = duckdb.connect()
    con.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?, header=true, all_varchar=true)",
                [path])
    cols = [r[0] for r in con.execute("DESCRIBE raw").fetchall()]
    for need in ("customer_id", "order_date", "amount"):
        if need not in cols:
            sys.exit(f"column {need} missing in {path}")
    oid = "trim(order_id)" if "order_id" in cols else "CAST(rn AS VARCHAR)"
    con.execute(f"""
        CREATE TABLE r AS
        SELECT trim(customer_id) AS cust,
               CAST(substr(trim(order_date), 1, 10) AS DATE) AS d,
               CAST(trim(amount) AS DECIMAL(38, 6)) AS amt,
               {oid} AS oid
        FROM (SELECT *, row_number() OVER () AS rn FROM raw)
        WHERE trim(customer_id) <> ''""")
    if as_of_arg:
        as_of = dt.date.fromisoformat(as_of_arg)
    else:
        as_of = con.execute("SELECT max(d) FROM r").fetchone()[0]
    con.execute("DELETE FROM r WHERE d > ?", [as_of])
    ps = period_sql("d", kind)
    # Orders: rows sharing an order id (scoped to the customer); dated by the earliest line.
    con.execute(f"""
        CREATE TABLE o AS
        SELECT cust, oid, min(d) AS od, sum(amt) AS tot FROM r GROUP BY cust, oid""")
    con.execute(f"""
        CREATE TABLE pos AS
        SELECT cust, {period_sql('od', kind)} AS p, tot FROM o WHERE tot > 0""")
    con.execute("CREATE TABLE coh AS SELECT cust, min(p) AS c FROM pos GROUP BY cust")
    # Net revenue per customer and period, only rows on/after the cohort period.
    rev = con.execute(f"""
        SELECT r.cust, {ps} AS p, sum(amt) AS v
        FROM r JOIN coh USING (cust)
        WHERE {ps} >= coh.c
        GROUP BY 1, 2""").fetchall()
    porders = con.execute("""
        SELECT cust, p, count(*) AS n, sum(tot) AS v FROM pos GROUP BY 1, 2""").fetchall()
    cohorts = dict(con.execute("SELECT cust, c FROM coh").fetchall())
    return as_of, cohorts, rev, porders


# ----------------------------------------------------------------------------- compute

def frac_or_none(num, den):
    return None if den == 0 else Fraction(num, den)


def compute(path, kind, W, as_of_arg):
    as_of, cohorts, rev, porders = load(path, kind, as_of_arg)
    if not cohorts:
        sys.exit("no customer with a positive order")
    P0 = min(cohorts.values())
    PA = period_index(as_of, kind)
    T = PA - P0 + 1
    last_partial = as_of != period_last_day(PA, kind)
    L = {"month": 12, "week": 52, "quarter": 4}[kind]

    def units(dec):
        return int(Decimal(dec) * UNIT)

    # Per customer sparse data, indices relative to P0.
    cust = {c: {"c": p - P0, "rev": {}, "ocnt": {}, "oval": {}} for c, p in cohorts.items()}
    for c, p, v in rev:
        cust[c]["rev"][p - P0] = units(v)
    for c, p, n, v in porders:
        cust[c]["ocnt"][p - P0] = n
        cust[c]["oval"][p - P0] = units(v)

    # ---------------- matrix
    n_c = [0] * T
    act = [[0] * T for _ in range(T)]      # [c][k]
    unb = [[0] * T for _ in range(T)]
    mrev = [[0] * T for _ in range(T)]
    gnum = [[0] * T for _ in range(T)]
    gden = [0] * T
    # ---------------- kpi accumulators
    K = {name: [0] * T for name in (
        "new", "live", "react", "churned", "wb_den_base", "rev", "rs", "rn", "rx", "rc",
        "rch", "rr", "re", "nrr_num", "grr_num", "orders", "oval",
        "crr12_base", "crr12_ret", "nrr12_num", "grr12_num", "nrr12_den",
        "w_cust1", "w_cust2", "w_orders", "w_oval")}

    for cid, d in cust.items():
        c = d["c"]
        span = T - c
        x = [0] * span
        r = [0] * span
        a = [0] * span
        oc = [0] * span
        ov = [0] * span
        for p, v in d["rev"].items():
            r[p - c] = v
            x[p - c] = v if v > 0 else 0
        for p, n in d["ocnt"].items():
            a[p - c] = 1
            oc[p - c] = n
            ov[p - c] = d["oval"][p]
        # matrix
        n_c[c] += 1
        gden[c] += x[0]
        last_active = max(k for k in range(span) if a[k])
        for k in range(span):
            if a[k]:
                act[c][k] += 1
            if k <= last_active:
                unb[c][k] += 1
            mrev[c][k] += r[k]
            gnum[c][k] += min(x[k], x[0])
        # prefix sums (index j+1 = sum of [0..j], relative to c)
        px = [0] * (span + 1)
        pa = [0] * (span + 1)
        po = [0] * (span + 1)
        pv = [0] * (span + 1)
        for j in range(span):
            px[j + 1] = px[j] + x[j]
            pa[j + 1] = pa[j] + a[j]
            po[j + 1] = po[j] + oc[j]
            pv[j + 1] = pv[j] + ov[j]

        def win(pref, lo, hi):  # absolute period indices lo..hi inclusive
            lo = max(lo, c)
            if hi < lo:
                return 0
            return pref[hi - c + 1] - pref[lo - c]

        K["new"][c] += 1
        for t in range(c, T):
            k = t - c
            live = win(pa, t - W + 1, t) > 0
            live_prev = t > c and win(pa, t - W, t - 1) > 0
            if live:
                K["live"][t] += 1
            if t > c:
                if a[k] and not live_prev:
                    K["react"][t] += 1
                if live_prev and not live:
                    K["churned"][t] += 1
            if t + 1 < T:
                K["wb_den_base"][t + 1] += 1  # customers whose cohort is before t+1
            K["rev"][t] += r[k]
            cur = x[k]
            prev = x[k - 1] if k > 0 else 0
            K["re"][t] += cur
            K["rs"][t] += prev
            if k == 0:
                K["rn"][t] += cur
            elif prev > 0 and cur > 0:
                if cur > prev:
                    K["rx"][t] += cur - prev
                elif cur < prev:
                    K["rc"][t] += cur - prev
            elif prev > 0 and cur == 0:
                K["rch"][t] -= prev
            elif prev == 0 and cur > 0:
                K["rr"][t] += cur
            if prev > 0:
                K["nrr_num"][t] += cur
                K["grr_num"][t] += min(cur, prev)
            K["orders"][t] += oc[k]
            K["oval"][t] += ov[k]
            if t >= 2 * L - 1:
                base_a = win(pa, t - 2 * L + 1, t - L)
                if base_a:
                    K["crr12_base"][t] += 1
                    if win(pa, t - L + 1, t):
                        K["crr12_ret"][t] += 1
                base = win(px, t - 2 * L + 1, t - L)
                if base > 0:
                    curw = win(px, t - L + 1, t)
                    K["nrr12_den"][t] += base
                    K["nrr12_num"][t] += curw
                    K["grr12_num"][t] += min(curw, base)
            # trailing purchase window t-11..t (always 12 periods), cut at index 0
            n_o = win(po, t - 11, t)
            if n_o >= 1:
                K["w_cust1"][t] += 1
                K["w_orders"][t] += n_o
                K["w_oval"][t] += win(pv, t - 11, t)
                if n_o >= 2:
                    K["w_cust2"][t] += 1
        # trailing window of periods after this customer's activity: it still counts in
        # windows that include its orders even after t (handled: loop runs to T-1).

    matrix = {}
    for c in range(T):
        if n_c[c] == 0:
            continue
        cum = 0
        for k in range(T - c):
            cum += mrev[c][k]
            matrix[(period_label(P0 + c, kind), str(k))] = {
                "cohort_size": n_c[c],
                "active_customers": act[c][k],
                "retention": Fraction(act[c][k], n_c[c]),
                "unbounded_retention": Fraction(unb[c][k], n_c[c]),
                "revenue": Fraction(mrev[c][k], UNIT),
                "revenue_retention": frac_or_none(mrev[c][k], mrev[c][0]),
                "grr_revenue": Fraction(gnum[c][k], UNIT),
                "grr": frac_or_none(gnum[c][k], gden[c]),
                "cumulative_revenue_per_customer": Fraction(cum, UNIT * n_c[c]),
                "partial": "true" if (c + k == T - 1 and last_partial) else "false",
            }

    kpis = {}
    churn_rates = []
    cum_cohort = 0
    for t in range(T):
        S = K["live"][t - 1] if t > 0 else 0
        N, R, C, E = K["new"][t], K["react"][t], K["churned"][t], K["live"][t]
        assert E == S + N + R - C, ("customer bridge identity", t)
        wb_den = K["wb_den_base"][t] - S
        rs = K["rs"][t]
        assert K["re"][t] == rs + K["rn"][t] + K["rx"][t] + K["rc"][t] + K["rch"][t] + K["rr"][t]
        partial = t == T - 1 and last_partial
        churn = frac_or_none(C, S)
        churn_rates.append((t, partial, churn))
        # average lifespan: last up-to-12 complete periods <= t, defined churn rates
        complete = [cr for (tt, pt, cr) in churn_rates if not pt][-12:]
        defined = [cr for cr in complete if cr is not None]
        lifespan = None
        if defined:
            mean = sum(defined, Fraction(0)) / len(defined)
            if mean != 0:
                lifespan = 1 / mean
        n_win = min(12, t + 1)
        c1 = K["w_cust1"][t]
        freq = frac_or_none(K["w_orders"][t], c1 * n_win)
        w_aov = frac_or_none(K["w_oval"][t], K["w_orders"][t] * UNIT)
        clv = None
        if lifespan is not None and freq is not None and w_aov is not None:
            clv = w_aov * freq * lifespan
        kpis[(period_label(P0 + t, kind),)] = {
            "partial": "true" if partial else "false",
            "customers_start": S,
            "new_customers": N,
            "reactivated_customers": R,
            "churned_customers": C,
            "customers_end": E,
            "churn_rate": churn,
            "customer_retention_rate": frac_or_none(E - N, S),
            "customer_retention_rate_12": (frac_or_none(K["crr12_ret"][t], K["crr12_base"][t])
                                           if t >= 2 * L - 1 else None),
            "win_back_rate": frac_or_none(R, wb_den),
            "revenue": Fraction(K["rev"][t], UNIT),
            "revenue_start": Fraction(rs, UNIT),
            "revenue_new": Fraction(K["rn"][t], UNIT),
            "revenue_expansion": Fraction(K["rx"][t], UNIT),
            "revenue_contraction": Fraction(K["rc"][t], UNIT),
            "revenue_churned": Fraction(K["rch"][t], UNIT),
            "revenue_reactivation": Fraction(K["rr"][t], UNIT),
            "revenue_end": Fraction(K["re"][t], UNIT),
            "nrr_monthly": frac_or_none(K["nrr_num"][t], rs),
            "grr_monthly": frac_or_none(K["grr_num"][t], rs),
            "nrr_12": (frac_or_none(K["nrr12_num"][t], K["nrr12_den"][t])
                       if t >= 2 * L - 1 else None),
            "grr_12": (frac_or_none(K["grr12_num"][t], K["nrr12_den"][t])
                       if t >= 2 * L - 1 else None),
            "revenue_churn_rate": frac_or_none(-(K["rch"][t] + K["rc"][t]), rs),
            "orders": K["orders"][t],
            "average_order_value": frac_or_none(K["oval"][t], K["orders"][t] * UNIT),
            "repeat_purchase_rate_12": frac_or_none(K["w_cust2"][t], c1),
            "purchase_frequency_12": freq,
            "average_lifespan": lifespan,
            "clv": clv,
        }
    return matrix, kpis, as_of


# ----------------------------------------------------------------------------- compare

def q(fr, places):
    return (Decimal(fr.numerator) / Decimal(fr.denominator)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN) if fr is not None else None


def compare_value(col, mine, theirs):
    """Return None when equal, else a printable description of what we expected."""
    kind = KIND[col]
    theirs = theirs.strip()
    if kind in ("str",):
        return None if str(mine) == theirs else str(mine)
    if kind == "int":
        return None if theirs != "" and int(theirs) == int(mine) else str(mine)
    if mine is None:
        return None if theirs == "" else "(empty)"
    if theirs == "":
        places = 4 if kind == "r4" else 2
        return str(q(mine, places))
    if kind == "money":
        exact = q(mine, 2)
        return None if Decimal(theirs) == exact else str(exact)
    # cohort prints a rounded value; compare it with the exact (unrounded) value so that
    # any rounding of an exact tie (cohort rounds binary doubles) is accepted.
    places, tol = (4, Fraction(5, 10 ** 5)) if kind == "r4" else (2, Fraction(6, 10 ** 3))
    if abs(Fraction(Decimal(theirs)) - mine) <= tol + Fraction(1, 10 ** 9):
        return None
    return f"{q(mine, places)} (exact {float(mine):.6f})"


def run_cohort(binary, sub, args):
    cmd = [binary, sub, args.orders, "--format", "csv", "--period", args.period,
           "--churn-window", str(args.churn_window)]
    if args.as_of:
        cmd += ["--as-of", args.as_of]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def compare(name, mine, theirs_rows, keycols, cols, mismatches):
    seen = set()
    for i, row in enumerate(theirs_rows, start=2):  # line 1 is the header
        key = tuple(row[k] for k in keycols)
        seen.add(key)
        if key not in mine:
            mismatches.append(f"{name} line {i} {'/'.join(key)}: row not expected")
            continue
        for col in cols:
            if col in keycols:
                continue
            if col not in row:
                mismatches.append(f"{name}: column {col} missing")
                continue
            diff = compare_value(col, mine[key][col], row[col])
            if diff is not None:
                mismatches.append(f"{name} line {i} {'/'.join(key)} {col}: "
                                  f"cohort={row[col]!r} expected={diff!r}")
    for key in mine:
        if key not in seen:
            mismatches.append(f"{name} {'/'.join(key)}: row missing in cohort output")
    return len(theirs_rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("orders")
    ap.add_argument("--period", default="month", choices=["month", "week", "quarter"])
    ap.add_argument("--churn-window", type=int, default=1)
    ap.add_argument("--as-of")
    ap.add_argument("--cohort", required=True, help="path to the cohort binary")
    args = ap.parse_args()

    matrix, kpis, as_of = compute(args.orders, args.period, args.churn_window, args.as_of)
    mismatches = []
    n_m = compare("matrix", matrix, run_cohort(args.cohort, "matrix", args),
                  ["cohort", "age"], MATRIX_COLS, mismatches)
    n_k = compare("kpis", kpis, run_cohort(args.cohort, "kpis", args),
                  ["period"], KPI_COLS, mismatches)
    if mismatches:
        print(f"{len(mismatches)} mismatches (as-of {as_of}); first 20:")
        for m in mismatches[:20]:
            print("  " + m)
        sys.exit(1)
    print(f"matrix: {n_m} rows match; kpis: {n_k} rows match")


if __name__ == "__main__":
    main()
