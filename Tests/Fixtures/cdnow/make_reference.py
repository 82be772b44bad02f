#!/usr/bin/env python3
"""Writes the reference values of Tests/CohortCoreTests/Predictive (run once, from this folder).

Independent reference: the Python package lifetimes (0.11.3), which ships the CDNOW sample
of Fader, Hardie & Lee (2005) and fits BG/NBD and Gamma-Gamma with scipy; mpmath checks
scipy's hypergeometric function at 50 digits. Nothing here reads the output of cohort.

Made with (a virtual environment outside the repository; lifetimes needs the older pins):

    python3 -m venv ~/venv-lifetimes
    ~/venv-lifetimes/bin/pip install "numpy<2" "pandas<2" "scipy<1.12" lifetimes==0.11.3 mpmath
    # worked with numpy 1.26.4, pandas 1.5.3, scipy 1.11.4, autograd 1.9.1, mpmath 1.4.1
    cd Tests/Fixtures/cdnow && ~/venv-lifetimes/bin/python make_reference.py

Writes:
- cdnow-reference.csv: the 2,357 customers of the sample as of 1997-09-30 (the paper's 39-week
  calibration period): the PurchaseSummary fields the Swift code takes (a purchase is a
  calendar day, its orders summed; day numbers since 1970-01-01; values in cents), x, t_x, T, m,
  and lifetimes' P(alive), expected purchases in 39 and 52 weeks and expected order value.
- cdnow-parameters.csv: lifetimes' parameters and log-likelihoods (time in weeks).
- hyp2f1-reference.csv: 2F1(a, b; c; z) at 30 significant digits from mpmath.

The paper's sample counts 8 orders of $0.00 as first purchases (customers 87, 155, ...);
they stay in, so that x, t_x and T are exactly the paper's (checked against the summary
lifetimes ships). Deterministic: same bytes every run.
"""
import os

import lifetimes
import mpmath
import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter

mpmath.mp.dps = 50
DATA = os.path.join(os.path.dirname(lifetimes.__file__), "datasets")
AS_OF = pd.Timestamp("1997-09-30")
EPOCH = pd.Timestamp("1970-01-01")

orders = pd.read_csv(os.path.join(DATA, "CDNOW_sample.txt"), sep=r"\s+", header=None,
                     names=["master_id", "id", "date", "cds", "value"])
orders["date"] = pd.to_datetime(orders["date"].astype(str))
orders["cents"] = (orders["value"] * 100).round().astype(np.int64)
orders = orders[orders["date"] <= AS_OF]

days = orders.groupby(["id", "date"], as_index=False)["cents"].sum().sort_values(["id", "date"])
days["first"] = days.groupby("id").cumcount() == 0
per = days.groupby("id")
summary = pd.DataFrame({
    "purchase_days": per.size(),
    "first_day": (per["date"].min() - EPOCH).dt.days,
    "last_day": (per["date"].max() - EPOCH).dt.days,
    "repeat_value": days[~days["first"]].groupby("id")["cents"].sum(),
}).fillna({"repeat_value": 0}).astype(np.int64)
as_of_day = (AS_OF - EPOCH).days
x = summary["purchase_days"] - 1
t_x = (summary["last_day"] - summary["first_day"]) / 7
T = (as_of_day - summary["first_day"]) / 7
m = np.where(x > 0, summary["repeat_value"] / 100 / x.clip(lower=1), 0.0)

published = pd.read_csv(os.path.join(DATA, "cdnow_customers_summary_with_transactions.csv")).set_index("ID")
assert len(summary) == 2357 and (summary.index == published.index).all()
assert (x == published["x"]).all()
assert (abs(t_x - published["t_x"]) <= 0.005 + 1e-9).all() and (abs(T - published["T"]) <= 0.005 + 1e-9).all()
assert (abs(m - published["zbar"]) <= 0.005 + 1e-9).all()

bgnbd = BetaGeoFitter().fit(x, t_x, T, tol=1e-8)
r, alpha, a, b = (bgnbd.params_[k] for k in ["r", "alpha", "a", "b"])
ll = -BetaGeoFitter._negative_log_likelihood(np.log([r, alpha, a, b]), x.values, t_x.values, T.values,
                                             np.ones(len(x)), 0.0) * len(x)
p_alive = bgnbd.conditional_probability_alive(x, t_x, T)
expected = {t: bgnbd.conditional_expected_number_of_purchases_up_to_time(t, x, t_x, T) for t in (39, 52)}

repeat = x > 0
gamma = GammaGammaFitter().fit(x[repeat], m[repeat], tol=1e-8)
p, q, v = (gamma.params_[k] for k in ["p", "q", "v"])
gg_ll = -GammaGammaFitter._negative_log_likelihood(np.log([p, q, v]), x[repeat].values.astype(float), m[repeat],
                                                   np.ones(int(repeat.sum())), 0.0) * int(repeat.sum())
order_value = gamma.conditional_expected_average_profit(x, m)
correlation = np.corrcoef(x[repeat], m[repeat])[0, 1]


def expected_mp(t, xi, txi, Ti):
    """Equation (10) at 50 digits, to check scipy's hyp2f1 inside lifetimes."""
    R, A, Aa, B = (mpmath.mpf(float(z)) for z in (r, alpha, a, b))
    xi, txi, Ti = int(xi), mpmath.mpf(float(txi)), mpmath.mpf(float(Ti))
    z = t / (A + Ti + t)
    bracket = 1 - ((A + Ti) / (A + Ti + t)) ** (R + xi) * mpmath.hyp2f1(R + xi, B + xi, Aa + B + xi - 1, z)
    numerator = (Aa + B + xi - 1) / (Aa - 1) * bracket
    denominator = 1 + (Aa / (B + xi - 1) * ((A + Ti) / (A + txi)) ** (R + xi) if xi > 0 else 0)
    return numerator / denominator


for i in range(0, len(x), 7):
    for t in (39, 52):
        exact = expected_mp(t, x.iloc[i], t_x.iloc[i], T.iloc[i])
        assert abs(expected[t].iloc[i] - float(exact)) <= 1e-10 * float(exact), (i, t)

out = pd.DataFrame({
    "id": summary.index,
    "purchase_days": summary["purchase_days"].values,
    "first_day": summary["first_day"].values,
    "last_day": summary["last_day"].values,
    "repeat_value": summary["repeat_value"].values,
    "x": x.values,
    "t_x": t_x.values,
    "T": T.values,
    "m": m,
    "p_alive": np.asarray(p_alive),
    "expected_39": np.asarray(expected[39]),
    "expected_52": np.asarray(expected[52]),
    "expected_order_value": np.asarray(order_value),
})
out.to_csv("cdnow-reference.csv", index=False, float_format="%.12g")

with open("cdnow-parameters.csv", "w") as f:
    f.write("name,value\n")
    f.write(f"as_of_day,{as_of_day}\n")
    for name, value in [("r", r), ("alpha", alpha), ("a", a), ("b", b), ("bgnbd_log_likelihood", ll),
                        ("p", p), ("q", q), ("v", v), ("gamma_gamma_log_likelihood", gg_ll),
                        ("repeat_buyers", int(repeat.sum())), ("frequency_value_correlation", correlation)]:
        f.write(f"{name},{value:.15g}\n")

# 2F1 at points that exercise the direct series, the Euler transformation near z = 1, terminating
# series, negative z (Pfaff) and BG/NBD-like parameters.
points = [
    (1, 1, 2, 0.5), (1, 1, 2, 0.99), (0.5, 0.5, 1.5, 0.25), (1.5, 2.5, 3.5, 0.7), (2, 3, 1.5, 0.9),
    (2, 3, 1.5, 0.999), (0.3, 0.7, 1.2, 0.995), (-3, 2, 1.5, 0.6), (1.25, 2.5, 3, -0.5), (1, 2, 4, -3),
    (0.243 + 5, 2.426 + 5, 0.793 + 2.426 + 5 - 1, 52 / (4.414 + 20 + 52)),
    (0.243 + 40, 2.426 + 40, 0.793 + 2.426 + 40 - 1, 52 / (4.414 + 30 + 52)),
    (0.243, 2.426, 0.793 + 2.426 - 1, 52 / (4.414 + 0 + 52)),
]
with open("hyp2f1-reference.csv", "w") as f:
    f.write("a,b,c,z,value\n")
    for pa, pb, pc, pz in points:
        value = mpmath.hyp2f1(mpmath.mpf(pa), mpmath.mpf(pb), mpmath.mpf(pc), mpmath.mpf(pz))
        f.write(f"{pa!r},{pb!r},{pc!r},{pz!r},{mpmath.nstr(value, 30)}\n")

print(f"BG/NBD r={r:.6f} alpha={alpha:.6f} a={a:.6f} b={b:.6f} LL={ll:.4f}")
print(f"Gamma-Gamma p={p:.6f} q={q:.6f} v={v:.6f} LL={gg_ll:.4f} repeat buyers={int(repeat.sum())} corr={correlation:.4f}")
