"""Reference values of E[Y(t) | alive, x, T] for a concentrated drop-out (BGNBDTests).

    E = E[(1 - (1 + p*t/(alpha+T))^-(r+x)) / p],  p ~ Beta(a, b + x)

by mpmath.quad at 30 digits, the interval split at the mean +- 2k standard deviations so that the
narrow peak is resolved: an independent method for cohort's Gauss-Hermite and double-exponential
rules (Sources/CohortCore/Predictive/BGNBDParameters+Quadrature.swift).

    printf "1.318 3.001 3.4e6 7.3e7 52 12 150\n" | python3 bench/clv/concentrated-reference.py
    # r alpha a b t x T, one case a line; prints the line and the value (17 digits)

Needs mpmath (pip install mpmath).
"""
import sys

import mpmath as mp

mp.mp.dps = 30


def reference(r, alpha, a, b, t, x, T):
    r, alpha, a, b, t, T = map(mp.mpf, (r, alpha, a, b, t, T))
    beta = b + x
    power = r + x
    u = t / (alpha + T)
    log_beta = mp.loggamma(a) + mp.loggamma(beta) - mp.loggamma(a + beta)

    def integrand(p):
        if p <= 0 or p >= 1:
            return mp.mpf(0)
        gain = (1 - (1 + p * u) ** (-power)) / p
        return gain * mp.exp((a - 1) * mp.log(p) + (beta - 1) * mp.log(1 - p) - log_beta)

    mean = a / (a + beta)
    deviation = mp.sqrt(a * beta / ((a + beta) ** 2 * (a + beta + 1)))
    points = [mp.mpf(0)] + [mean + k * deviation for k in range(-40, 41, 2) if 0 < mean + k * deviation < 1] + [mp.mpf(1)]
    return mp.quad(integrand, points)


for line in sys.stdin:
    if not line.strip():
        continue
    r, alpha, a, b, t, x, T = line.split()
    value = reference(float(r), float(alpha), float(a), float(b), float(t), int(x), float(T))
    print(line.strip(), mp.nstr(value, 17))
