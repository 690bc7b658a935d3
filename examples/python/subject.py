#!/usr/bin/env python3
"""Best-of-n quantities in float64 with numpy, as a bonkl subject.

Beirami et al., "Theoretical guarantees on the best-of-n alignment policy": drawing n outcomes from a base
policy p and keeping the one with the highest reward gives the best-of-n policy pi_n (Lemma 1). This file
computes pi_n, KL(pi_n || p), the analytical formula log n - (n-1)/n, the two KL estimators of Eqs. (26) and
(28), and the Renyi entropy of order 2, accurately in float64.

Use the functions directly (bon_pmf, kl_bon, kl_formula, kl_estimate, kl_estimate_upper, renyi2), or run the
file as a subject of bonkl's conformance check:

    npx bonkl check --subject-cmd "python3 examples/python/subject.py"

Run as a program, it hands these functions to serve() from bonkl's Python helper (bonkl_subject.py), which speaks
the protocol of spec/protocol.md on stdin/stdout: one request {"id", "op", "args"} per line in, one {"id", "value"}
or {"id", "error"} per line out, each function called with the args as keyword arguments (logEps as log_eps).
In your own project, get the helper with `npx bonkl init python > bonkl_subject.py`.

Numerics (the pitfalls a direct transcription of the formulas falls into):
  * pi_n of reward level k is P_k = F_k^n - F_{k-1}^n (F_k = mass at or below level k). Written as
        P_k = F_k^n * (1 - (F_{k-1}/F_k)^n) = exp(n log F_k) * -expm1(n log(F_{k-1}/F_k))
    it has no cancellation: F^n - F_prev^n with F close to F_prev (a small mass under a large n) would lose
    all its digits.
  * log F_k near F_k = 1 is log1p(-U_k) with U_k the mass strictly *above* level k, summed from the top:
    1 - F is never formed by subtraction, so the top levels keep their relative accuracy even for n = 1e9.
  * log(F_{k-1}/F_k) = log1p(-g_k/F_k) for a level of mass g_k that is a small share of F_k.
  * Powers are taken in log space, so F^n underflows to 0 only when the true value is below 1e-323.
  * KL = sum_k P_k log(P_k / g_k) per reward level (within a tie group pi_i / p_i is the same for every
    member), with log(P_k / g_k) built from the logs above, and log1p forms for a level holding more than half
    the mass, so that a KL close to 0 (p concentrated on one level) keeps its relative accuracy.
  * The estimators use y = n log(1 - eps), (1 - eps)^n = exp(y) and 1 - (1 - eps)^n = -expm1(y); for tiny eps
    they are evaluated from log(eps), so eps = exp(logEps) may underflow (logEps = -1e5) without harm.
  * 0 log 0 = 0, so n = 1 or eps = 1 give exactly 0 where the paper's quantities vanish.
  * Zero masses are allowed; their outcomes get exactly 0.

Inputs follow the protocol: p is normalised by its sum, which must be within 1e-6 of 1; without r, p is listed
in increasing reward order; with r, rewards come in any order and may tie, and the winner is uniform among the
tied maximal draws. Invalid input raises InputError naming the field (e.g. "p[3]: must be a finite
non-negative number, got -0.1"; the helper answers "InputError: p[3]: ..."); arguments written as decimal strings
(exact values) raise Unsupported, a NotImplementedError, which the helper answers "unsupported: ..." (bonkl skips
such cases).

Needs Python 3.8+ and numpy.
"""
import math
import os
import sys
from fractions import Fraction

import numpy as np

MAX_N = 2**53 - 1  # n is a positive integer up to 2^53 - 1
SUM_TOLERANCE = 1e-6  # |sum(p) - 1| above this is invalid input
LOG_HALF = math.log(0.5)
# eps below this is handled in log form (see kl_estimate_upper); for larger eps the direct form is accurate.
SMALL_EPS = 2.0**-20


class InputError(ValueError):
    """Invalid input; the message names the field, e.g. "p[3]: must be ..."."""

    def __init__(self, field, reason, value=None):
        shown = "" if value is None else f", got {value!r}"
        super().__init__(f"{field}: {reason}{shown}")


class Unsupported(NotImplementedError):
    """A valid input this subject does not handle (answered as "unsupported: ...", which bonkl skips)."""


# ------------------------------------------------------------------------------------------------------------
# Input checks


def _number(value, field, reason, valid=lambda x: True):
    """A JSON number as a float, if valid(x). A decimal string ("1e-30", "1/3": an exact value) that would be
    valid raises Unsupported; anything else (a bad value, "NaN", null, true...) raises InputError."""
    if isinstance(value, str):
        try:
            exact = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise InputError(field, reason, value) from None
        if valid(exact):
            raise Unsupported(f"{field} given as a decimal string (this subject computes in float64)")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        x = float(value) if abs(value) < 1e308 else math.inf
        if math.isfinite(x) and valid(x):
            return x
    raise InputError(field, reason, value)


def read_n(n):
    """n: a positive integer up to 2^53 - 1 (returned as a Python int)."""
    reason = "must be a positive integer no larger than 2^53 - 1"
    return int(_number(n, "n", reason, lambda x: x == int(x) and 1 <= x <= MAX_N))


def _float_array(values, field, reason, valid):
    """A list of JSON numbers as a float64 array; otherwise the first invalid entry is reported (InputError),
    or, if every entry is valid but some are decimal strings, the first of those (Unsupported)."""
    if isinstance(values, (tuple, np.ndarray)):
        values = list(values.tolist() if isinstance(values, np.ndarray) else values)
    if not isinstance(values, list) or not values:
        raise InputError(field, "must be a non-empty array of numbers", values)
    if all(type(v) in (int, float) and abs(v) < 1e308 for v in values):  # the fast path: plain numbers
        return np.array(values, dtype=np.float64)  # (the caller checks them, vectorised)
    unsupported = None
    for i, v in enumerate(values):
        try:
            _number(v, f"{field}[{i}]", reason, valid)
        except Unsupported as e:
            unsupported = unsupported or e
    if unsupported:
        raise unsupported
    return np.array(values, dtype=np.float64)


def read_masses(p):
    """p as a float64 array (unnormalised) and its sum S; every entry finite and >= 0, |S - 1| <= 1e-6."""
    w = _float_array(p, "p", "must be a finite non-negative number", lambda x: x >= 0)
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        i = int(bad[0])
        raise InputError(f"p[{i}]", "must be a finite non-negative number", p[i])
    total = math.fsum(w.tolist())  # correctly rounded sum: the normaliser
    if not abs(total - 1.0) <= SUM_TOLERANCE:
        raise InputError("p", f"must sum to 1 within {SUM_TOLERANCE} (its sum is {total!r})")
    return w, total


def read_rewards(r, length):
    """r as a float64 array of finite numbers, one per outcome."""
    if not isinstance(r, (list, tuple, np.ndarray)) or len(r) != length:
        raise InputError("r", f"must be an array of {length} numbers, one per entry of p", r)
    rewards = _float_array(r, "r", "must be a finite number", lambda x: True)
    bad = np.flatnonzero(~np.isfinite(rewards))
    if bad.size:
        raise InputError(f"r[{int(bad[0])}]", "must be a finite number", r[int(bad[0])])
    return rewards


def read_eps(args):
    """The estimators' point, from {"eps"} or {"logEps"}: (eps, log eps, 1 - eps, log(1 - eps)), each accurate.

    From eps:    1 - eps is exact for eps >= 1/2, and then log eps = log1p(-(1 - eps)).
    From logEps: eps = exp(logEps) may underflow to 0 (logEps < -745), 1 - eps = -expm1(logEps) is accurate
                 however close eps is to 1.
    log(1 - eps) = log1p(-eps) for eps < 1/2, else log(1 - eps) from the accurate 1 - eps.
    """
    if "eps" in args and "logEps" in args:
        raise InputError("eps", "give exactly one of eps and logEps, not both")
    if "eps" in args:
        eps = _number(args["eps"], "eps", "must be a number in (0, 1]", lambda x: 0 < x <= 1)
        delta = 1.0 - eps
        log_eps = math.log1p(-delta) if eps >= 0.5 else math.log(eps)
    elif "logEps" in args:
        log_eps = _number(args["logEps"], "logEps", "must be a finite number <= 0", lambda x: x <= 0)
        eps = math.exp(log_eps)
        delta = -math.expm1(log_eps)
    else:
        raise InputError("eps", "give exactly one of eps and logEps")
    if eps < 0.5:
        log_one_minus = math.log1p(-eps)
    else:
        log_one_minus = math.log(delta) if delta > 0 else -math.inf
    return eps, log_eps, delta, log_one_minus


# ------------------------------------------------------------------------------------------------------------
# Best-of-n by reward level


def reward_levels(w, r):
    """Masses g of the distinct reward levels in increasing reward order, and each outcome's level index.

    Without r every outcome is its own level, in listing order. With r, np.unique groups equal rewards
    (-0.0 and 0.0 are the same reward) and sorts the levels.
    """
    if r is None:
        return w, np.arange(w.size)
    _, level = np.unique(r, return_inverse=True)
    level = level.reshape(-1)  # numpy 2.0 and 2.1 return the inverse in the shape of the input
    return np.bincount(level, weights=w), level


def cumsum(x):
    """Prefix sums of x, compensated: np.cumsum plus the running sum of its rounding errors, each recovered
    exactly by TwoSum (Knuth). F_k is then accurate to about an ulp rather than k ulps."""
    s = np.cumsum(x)
    prev = np.concatenate(([0.0], s[:-1]))
    b = s - prev
    return s + np.cumsum((prev - (s - b)) + (x - b))


def level_sweep(g, n, total):
    """For level masses g (unnormalised, increasing reward) and n >= 2: the best-of-n level probabilities
    P_k = F_k^n - F_{k-1}^n, and log(P_k / (g_k / total)), the log-ratio that KL(pi_n || p) weighs.

    Vectorised over the levels. Entries of zero-mass levels are not used (their P_k is set to 0).
    """
    n = float(n)
    below = cumsum(g)  # F_k (unnormalised): mass at or below level k
    below_prev = np.concatenate(([0.0], below[:-1]))  # F_{k-1}
    above = np.concatenate((cumsum(g[::-1])[::-1][1:], [0.0]))  # U_k: mass strictly above level k
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        # log F_k (normalised), relative-accurate near F_k = 1 as well as near 0; exactly 0 at the top.
        log_f = np.where(below >= 0.5 * total, np.log1p(-above / total), np.log(below / total))
        a = n * log_f  # log F_k^n
        # log(F_{k-1} / F_k): log1p form for a small share x, log of the ratio otherwise (-inf at the bottom)
        x = g / below
        d = np.where(x < 0.5, np.log1p(-x), np.log(below_prev / below))
        y = n * d  # log (F_{k-1} / F_k)^n <= 0
        m = -np.expm1(y)  # 1 - (F_{k-1} / F_k)^n, no cancellation
        prob = np.where(g > 0, np.exp(a) * m, 0.0)
        # log(P_k / g_k) = a + log m - log g_k, with log1p forms where m or g_k / total is above 1/2
        log_m = np.where(y < LOG_HALF, np.log1p(-np.exp(y)), np.log(m))
        g_norm = g / total
        log_g = np.where(g_norm > 0.5, np.log1p(-(below_prev + above) / total), np.log(g_norm))
        log_ratio = a + log_m - log_g
    return prob, log_ratio


def bon_pmf(p, n, r=None):
    """pi_n for each outcome of p (same order): Lemma 1, with ties split in proportion to p_i within a level."""
    w, total = read_masses(p)
    n = read_n(n)
    rewards = None if r is None else read_rewards(r, w.size)
    if n == 1:
        return w / total
    g, level = reward_levels(w, rewards)
    prob, _ = level_sweep(g, n, total)
    # pi_i = P_k * p_i / g_k for outcome i in level k (exactly P_k for a level of one outcome; 0 for p_i = 0)
    share = np.divide(w, g[level], out=np.zeros_like(w), where=w > 0)
    return prob[level] * share


def kl_bon(p, n, r=None):
    """KL(pi_n || p) in nats, Eq. (3), as the per-level sum of P_k log(P_k / g_k)."""
    w, total = read_masses(p)
    n = read_n(n)
    rewards = None if r is None else read_rewards(r, w.size)
    if n == 1:
        return 0.0
    g, _ = reward_levels(w, rewards)
    prob, log_ratio = level_sweep(g, n, total)
    used = prob > 0  # 0 log 0 = 0: levels whose P_k is 0 (zero mass, or F_k^n below 1e-323) contribute nothing
    kl = math.fsum((prob[used] * log_ratio[used]).tolist())  # exactly rounded sum of the terms
    return max(kl, 0.0)  # KL >= 0; a rounding-level negative result of a KL ~ 0 is 0


def kl_formula(n):
    """The analytical formula log n - (n-1)/n of Eq. (5) (an upper bound on the KL, Theorem 1)."""
    n = read_n(n)
    return 0.0 if n == 1 else math.log(n) - (n - 1) / n  # int / int is correctly rounded in Python


def _kl_estimate_upper_at(n, eps, log_eps, delta, log_one_minus):
    """KLhat_1 = log((1 - (1 - eps)^n) / eps) for validated inputs."""
    if n == 1 or delta == 0:
        return 0.0  # KLhat_1 = log(eps / eps) for n = 1; 0 log 0 = 0 convention for eps = 1
    y = n * log_one_minus  # log (1 - eps)^n
    if eps < SMALL_EPS:
        # 1 - (1 - eps)^n = -expm1(y) and -y = n eps (-log1p(-eps)/eps), so
        #   KLhat_1 = log n + log(-log1p(-eps)/eps) + log(expm1(y)/y),
        # which never divides by eps itself: eps may be subnormal or underflow to 0 (logEps < -745).
        ratio_eps = -log_one_minus / eps if eps > 0 else 1.0
        ratio_y = math.expm1(y) / y if y != 0 else 1.0
        return math.log(n) + math.log(ratio_eps) + math.log(ratio_y)
    log_m = math.log1p(-math.exp(y)) if y < LOG_HALF else math.log(-math.expm1(y))  # log(1 - (1 - eps)^n)
    return log_m - log_eps


def kl_estimate_upper(n, eps=None, log_eps=None):
    """KLhat_1(eps) of Eq. (26); give eps or log_eps."""
    return _kl_estimate_upper_at(read_n(n), *read_eps(_point(eps, log_eps)))


def kl_estimate(n, eps=None, log_eps=None):
    """KLhat(eps) of Eq. (28); give eps or log_eps."""
    return _kl_estimate_at(read_n(n), *read_eps(_point(eps, log_eps)))


def _kl_estimate_at(n, eps, log_eps, delta, log_one_minus):
    """KLhat = A (log n + (n-1) log(1 - eps) - (n-1)/n) + (1 - A) KLhat_1(eps), A = (1 - eps)^n."""
    if n == 1 or delta == 0:
        return 0.0
    y = n * log_one_minus
    big_a = math.exp(y)  # A = (1 - eps)^n
    one_minus_a = -math.expm1(y)  # 1 - A without cancellation
    first = 0.0 if big_a == 0 else big_a * (kl_formula(n) + (n - 1) * log_one_minus)  # 0 log 0 = 0
    return first + one_minus_a * _kl_estimate_upper_at(n, eps, log_eps, delta, log_one_minus)


def _point(eps, log_eps):
    """The protocol's {"eps"} / {"logEps"} object from keyword arguments."""
    return {k: v for k, v in (("eps", eps), ("logEps", log_eps)) if v is not None}


def renyi2(p):
    """Renyi entropy of order 2 in nats, -log sum q_i^2 with q = p / sum(p) (Eq. 18).

    When one mass M exceeds half the total, 1 - sum q^2 = (2 M R + (R^2 - Q)) / S^2 (R, Q: sum and sum of
    squares of the other masses) is formed without subtracting from 1, and H_2 = -log1p(-that): a p close to a
    point mass gets a small H_2 with its relative accuracy.
    """
    w, total = read_masses(p)
    top = int(np.argmax(w))
    big = w[top]
    rest = np.delete(w, top)
    r_sum = math.fsum(rest.tolist())
    q_sum = math.fsum((rest * rest).tolist())
    if big > 0.5 * total:
        return 0.0 - math.log1p(-(2 * big * r_sum + (r_sum * r_sum - q_sum)) / (total * total))
    return -math.log((big * big + q_sum) / (total * total))


# ------------------------------------------------------------------------------------------------------------
# The subject protocol (spec/protocol.md)

# op name -> function of the protocol's args object, for code that holds such objects (the reference-vector loop
# in the top-level README calls OPS[case["op"]](case["args"])).
OPS = {
    "bonPmf": lambda a: bon_pmf(a.get("p"), a.get("n"), a.get("r")).tolist(),
    "klBon": lambda a: kl_bon(a.get("p"), a.get("n"), a.get("r")),
    "klFormula": lambda a: kl_formula(a.get("n")),
    "klEstimate": lambda a: _kl_estimate_at(read_n(a.get("n")), *read_eps(a)),
    "klEstimateUpper": lambda a: _kl_estimate_upper_at(read_n(a.get("n")), *read_eps(a)),
    "renyi2": lambda a: renyi2(a.get("p")),
}


def main():
    # bonkl's Python helper, taken from this repository (src/init/bonkl_subject.py). In your own project, copy it
    # next to your code with `npx bonkl init python > bonkl_subject.py` and drop this sys.path line.
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "init"))
    from bonkl_subject import serve

    serve(
        bonPmf=bon_pmf,  # returns a numpy array: serve() sends it as a list
        klBon=kl_bon,
        klFormula=kl_formula,
        klEstimate=kl_estimate,  # kl_estimate(n, eps=None, log_eps=None): logEps arrives as log_eps
        klEstimateUpper=kl_estimate_upper,
        renyi2=renyi2,
        decimal_strings="pass",  # read_n / read_masses / read_eps decline them themselves, after checking validity
    )


if __name__ == "__main__":
    main()
