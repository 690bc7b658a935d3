#!/usr/bin/env python3
"""Independent reference-value generator for the bonkl test vectors.

Usage (from the repository root; needs python3 with mpmath and numpy, no network):

    python3 spec/vectors/generate.py                 # rewrite all spec/vectors/*.json, then validate them
    python3 spec/vectors/generate.py ties uniform    # rewrite only these groups
    python3 spec/vectors/generate.py --check         # only validate the files as they are

It is deterministic (fixed seeds, no clocks in the output) and rewrites one JSON file per group
(formula.json, example1.json, uniform.json, ...; see GROUPS at the bottom) in the format
"bonkl-vectors/1" described by vectors.schema.json and README.md.  It deliberately shares no code
with the TypeScript oracle under src/: it was written from the paper
(/work/shared/paper/best-of-n-paper.md) and the subject protocol only.

What is computed
----------------
Natural logs throughout.  p is normalised by its exact sum.  Without rewards r, p is listed in
increasing reward order with distinct rewards; with r, outcomes are grouped into reward *levels*
(tie groups).  For an outcome i in level G of mass g whose strictly lower levels have mass F_-:

    pi_i = (p_i / g) * ((F_- + g)^n - F_-^n)          (Lemma 1, Eq. (7); ties split pro rata)

Each op is one function below, named after the paper's equation:
    bonPmf           bon_pmf_eq7                KL(pi || p)     kl_bon_eq3
    klFormula        kl_formula_eq5             klExample1      kl_example1_eq6
    renyi2 / renyi   renyi_eq18                 gapBoundThm2    gap_bound_thm2_eq17
    gapBoundCor2     gap_bound_cor2_eq19        gapBoundThm3    gap_bound_thm3_eq21
    gapBoundCor3     gap_bound_cor3_eq22        klEstimateUpper kl_hat1_eq26
    klEstimate       kl_hat_eq28                klBoundLemma2   kl_bound_lemma2_eq23
    klEstimateMean / klEstimateVariance / klEstimateUpperVariance   kl_estimator_moments
    klMixture        kl_mixture_cor1            epsInfinity     eps_infinity_eq20

How values are made correct to 50 digits
----------------------------------------
* Inputs are exact: a JSON number means its binary64 value (Fraction(float)); a decimal string
  ("1e-30", "0.1") or a ratio ("1/3") means its exact rational value.  Probabilities are turned
  into integer weights a_i with exact total A (p_i = a_i / A), so every CDF value F and every tail
  1 - F is an exact rational; no 1 - F is ever formed in floating point.
* Rational results (pi_n when n * bits(A) is small, eps_infinity, the Eq. (17)/(19) bounds, integer
  order Renyi sums) are computed with Fractions and rounded exactly (ties to even).
* Everything else uses mpmath in cancellation-free forms: F^n = exp(n log F) with log F computed
  as log1p(-(1-F)) from the exact rational 1-F when F is near 1 (log_ratio);
  F^n - F_-^n = F^n (1 - exp(n log(F_-/F))); log(1 - e^x) with the bits lost to cancellation added
  (log1mexp); sum p^alpha - 1 as a one-signed sum for Renyi; Eq. (21) gets 2 log10(1/(n eps))
  guard digits because its two terms cancel to O((n eps)^3).  mpmath numbers have unbounded
  exponents, so 1e-300 masses, n = 2^53-1 and eps = exp(-1e5) need no special scaling.
* certify(): each case is computed at two working precisions (mp.dps = 90 and 140).  The two
  results must agree to 55 significant digits AND round to the same 50-digit string (which also
  rejects values too close to a rounding tie).  If not, the pair is raised (200/300, 500/700,
  1500/2000); every such escalation is printed in the summary.
* Exact zeros are returned as the exact value 0 (printed "0"), never as a computed tiny number:
  KL = 0 when n = 1 or when a single reward level carries all the mass; pi_i = 0 for zero masses;
  KLhat(1) = KLhat_1(1) = 0 (0 log 0 = 0); estimator moments are 0 when n = 1, variances are 0 when
  all outcomes with positive mass have the same p_i.

Cross-checks run on every generation (the script fails if any does not hold)
-------------------------------------------------------------------------------
* Every bonPmf case with L^n <= 1024 equals brute-force enumeration of all L^n draw tuples over
  exact Fractions (winner uniform among the draws of maximal reward); for the tie and zero-mass
  cases the KL of that enumeration (per-outcome sum pi_i log(pi_i/p_i)) also equals klBon
  (per-level sum).
* bonPmf computed exactly (Fractions) agrees with the mpmath formulation to 55 digits, and every
  bonPmf vector sums to 1.
* The paper's inequalities hold on every klBon case without ties and with L <= 1000 (checked at
  90 digits): Theorem 1 (KL <= Eq. (5)), Theorems 2, 3 and Corollaries 2, 3 (the gap bounds),
  Lemma 2, and Theorem 4 (KL <= KLhat(eps_inf)).
* klExample1(n) (Eq. (6)) equals klBon(p = [1/2, 1/2], n) and klBon(uniform L = 2, n);
  klEstimateMean on a uniform p equals klEstimate(eps = 1/L); rewards r = 0..L-1 reproduce the
  r-less values and reversed rewards the reversed ones; one-component and identical-component
  mixtures reproduce klBon.
* Every invalid.json case is rejected by the protocol parser below with the expected field, every
  other case is accepted, ids are unique, and every file validates against vectors.schema.json
  (with the jsonschema package when importable, plus a small structural check).

`--naive` (not run by default, a few minutes) re-computes every bonPmf, klBon, klEstimate,
klEstimateUpper, klFormula, gapBoundThm3, gapBoundCor3 and renyi2 case with L <= 200 straight from
the textbook formulas (F^n - F_-^n with mpf powers, no log1p/expm1 care) at 1200 digits, skipping
the inputs where that naive form would itself lose more than ~1000 digits, and compares.
"""

import itertools
import json
import math
import multiprocessing
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction

import mpmath
import numpy as np
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = "spec/vectors/generate.py"
FORMAT = "bonkl-vectors/1"
DIGITS = 50  # significant digits written
AGREE_DIGITS = 55  # the two working precisions must agree to this many digits
PRECISION_LADDER = [(90, 140), (200, 300), (500, 700), (1500, 2000)]
N_MAX = 2**53 - 1
SUM_TOLERANCE = Fraction(1, 10**6)  # |sum(p) - 1| > 1e-6 is invalid input

ESCALATIONS = []  # (case id, precision pair that finally agreed): reported at the end
_current_case = [None]

# ------------------------------------------------------------------------------------------------
# Input parsing, as the subject protocol defines it.  Every rejection names the offending field.
# ------------------------------------------------------------------------------------------------


class InvalidArgument(Exception):
    def __init__(self, field, why):
        super().__init__(f"{field}: {why}")
        self.field = field


_DEC = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
DECIMAL_RE = re.compile(rf"^{_DEC}$")
RATIO_RE = re.compile(rf"^({_DEC})/({_DEC})$")


def parse_real(x, field):
    """A JSON number (its exact binary64 value) or a decimal / "a/b" string (its exact value)."""
    if isinstance(x, bool):
        raise InvalidArgument(field, "boolean is not a number")
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise InvalidArgument(field, "not finite")
        return Fraction(x)
    if isinstance(x, str):
        if DECIMAL_RE.match(x):
            return Fraction(x)
        m = RATIO_RE.match(x)
        if m:
            den = Fraction(m.group(2))
            if den == 0:
                raise InvalidArgument(field, "zero denominator")
            return Fraction(m.group(1)) / den
    raise InvalidArgument(field, f"not a number: {x!r}")


def parse_p(p, field="p"):
    """Probabilities: non-empty array, entries >= 0, |sum - 1| <= 1e-6.  Returns Fractions."""
    if not isinstance(p, list) or len(p) == 0:
        raise InvalidArgument(field, "must be a non-empty array")
    vals = []
    for i, x in enumerate(p):
        v = parse_real(x, f"{field}[{i}]")
        if v < 0:
            raise InvalidArgument(f"{field}[{i}]", "negative probability")
        vals.append(v)
    s = sum(vals)
    if abs(s - 1) > SUM_TOLERANCE:
        raise InvalidArgument(field, f"sum {float(s)} is not within 1e-6 of 1")
    return vals


def parse_r(r, length, field="r"):
    if r is None:
        return None
    if not isinstance(r, list) or len(r) != length:
        raise InvalidArgument(field, "must be an array of the same length as p")
    return [parse_real(x, f"{field}[{i}]") for i, x in enumerate(r)]


def parse_n(n, field="n"):
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidArgument(field, "must be a JSON integer")
    if not 1 <= n <= N_MAX:
        raise InvalidArgument(field, "must be in [1, 2^53-1]")
    return n


def parse_eps(args, allow_log=True):
    if "eps" in args:
        e = parse_real(args["eps"], "eps")
        if not 0 < e <= 1:
            raise InvalidArgument("eps", "must be in (0, 1]")
        return Eps(value=e)
    if allow_log and "logEps" in args:
        le = parse_real(args["logEps"], "logEps")
        if le > 0:
            raise InvalidArgument("logEps", "must be <= 0")
        return Eps(log_value=le)
    raise InvalidArgument("eps", "missing")


# ------------------------------------------------------------------------------------------------
# Exact representation of a distribution with reward levels.
# ------------------------------------------------------------------------------------------------


class Dist:
    """p_i = a[i] / A with integers a[i] >= 0, plus reward levels in increasing reward order.

    levels[k] = list of outcome indices sharing the k-th smallest reward; level_a[k] = their weight;
    above[k] = total weight of strictly higher levels (so 1 - F = above/A exactly).
    """

    def __init__(self, probs, rewards=None):
        den = 1
        for f in probs:
            den = math.lcm(den, f.denominator)
        a = [f.numerator * (den // f.denominator) for f in probs]
        g = 0
        for x in a:
            g = math.gcd(g, x)
        self.a = [x // g for x in a]
        self.A = sum(self.a)
        self.L = len(self.a)
        if rewards is None:
            self.levels = [[i] for i in range(self.L)]
        else:
            by_value = {}
            for i, v in enumerate(rewards):
                by_value.setdefault(v, []).append(i)
            self.levels = [by_value[v] for v in sorted(by_value)]
        self.level_a = [sum(self.a[i] for i in lv) for lv in self.levels]
        self.above = [0] * len(self.levels)
        acc = 0
        for k in range(len(self.levels) - 1, -1, -1):
            self.above[k] = acc
            acc += self.level_a[k]
        self.level_of = [0] * self.L
        for k, lv in enumerate(self.levels):
            for i in lv:
                self.level_of[i] = k
        self.positive_levels = sum(1 for x in self.level_a if x > 0)
        self.key = (tuple(self.a), tuple(tuple(lv) for lv in self.levels))
        self.has_ties = any(len(lv) > 1 for lv in self.levels)

    def p(self, i):
        return Fraction(self.a[i], self.A)


_DIST_CACHE = {}


def dist_from_args(args):
    key = json.dumps([args.get("p"), args.get("r")])
    if key not in _DIST_CACHE:
        probs = parse_p(args.get("p"))
        if len(_DIST_CACHE) > 100:
            _DIST_CACHE.clear()
        _DIST_CACHE[key] = Dist(probs, parse_r(args.get("r"), len(probs)))
    return _DIST_CACHE[key]


# ------------------------------------------------------------------------------------------------
# Numerical building blocks (work at the current mp precision).
# ------------------------------------------------------------------------------------------------


def frac_mpf(f):
    return mpf(f.numerator) / f.denominator


def log_ratio(num, den):
    """log(num/den) for positive integers, accurate also when num/den is close to 1.

    Near 1 this is log1p(d/den) with d = num - den exact; it is evaluated as log(num/den) with the
    bits that the cancellation costs added to the working precision (a faster equivalent of
    mpmath.log1p, which is the hot spot for L = 10^4), or by its series when d/den < 2^-prec."""
    d = num - den
    if d == 0:
        return mpf(0)
    if 2 * abs(d) < den:
        lost = den.bit_length() - abs(d).bit_length() + 8
        if lost > mp.prec:
            x = mpf(d) / den
            return x - x * x / 2 + x**3 / 3
        with mp.workprec(mp.prec + lost):
            v = mpmath.log(mpf(num) / den)
        return +v
    return mpmath.log(mpf(num) / den)


def log1mexp(x):
    """log(1 - e^x) for x < 0 without cancellation (what log(-expm1(x)) and log1p(-exp(x)) give,
    written out because mpmath's generic expm1/log1p wrappers are the hot spot for large L).

    For -ln 2 < x < 0, 1 - e^x loses about log2(1/|x|) bits; for x <= -ln 2, log(1 - y) with
    y = e^x loses about log2(1/y) bits.  Those bits are added to the working precision, and past
    the working precision the leading terms of the series are exact enough."""
    if x > -mp.ln2:
        lost = -mpmath.mag(x) + 8
        if lost > mp.prec:  # 1 - e^x = -x (1 + x/2 + x^2/6 + ...)
            return mpmath.log(-x) + x / 2
    else:
        y = mpmath.exp(x)
        lost = -mpmath.mag(y) + 8
        if lost > mp.prec:  # log(1 - y) = -y - y^2/2 - ...
            return -y - y * y / 2
    with mp.workprec(mp.prec + max(lost, 0)):
        v = mpmath.log(1 - mpmath.exp(x))
    return +v


def msum(terms):
    """Sum at a few extra digits.  (mpmath.fsum adds exactly and becomes very slow when the terms'
    exponents differ by millions, as pi_n's do for large n; rounding errors are covered by certify.)"""
    terms = list(terms)
    with mp.extradps(5 + len(str(len(terms)))):
        total = mpf(0)
        for t in terms:
            total += t
    return +total


def log10_ratio(num, den):
    """A float approximation of log10(num/den) that never under/overflows."""
    return math.log10(num) - math.log10(den)


class Eps:
    """eps in (0, 1], given exactly (value, a Fraction) or through log eps (log_value, exact)."""

    def __init__(self, value=None, log_value=None):
        self.value = value
        self.log_value = log_value

    def is_one(self):
        return self.value == 1 if self.value is not None else self.log_value == 0

    def log(self):
        if self.value is not None:
            return log_ratio(self.value.numerator, self.value.denominator)
        return frac_mpf(self.log_value)

    def log1m(self):
        """log(1 - eps), eps < 1."""
        if self.value is not None:
            v = self.value
            return log_ratio(v.denominator - v.numerator, v.denominator)
        return log1mexp(frac_mpf(self.log_value))

    def log_n_times(self, n):
        """log(n eps)."""
        if self.value is not None:
            return log_ratio(n * self.value.numerator, self.value.denominator)
        return mpmath.log(n) + frac_mpf(self.log_value)

    def n_times(self, n):
        if self.value is not None:
            return mpf(n * self.value.numerator) / self.value.denominator
        return n * mpmath.exp(frac_mpf(self.log_value))

    def log10_n_times(self, n):
        if self.value is not None:
            return log10_ratio(n * self.value.numerator, self.value.denominator)
        return math.log10(n) + float(self.log_value) / math.log(10)


# ------------------------------------------------------------------------------------------------
# The quantities.  Each returns an exact Fraction (rational / exactly-zero results) or an mpf.
# ------------------------------------------------------------------------------------------------


def use_exact_pmf(d, n):
    bits = d.A.bit_length()
    return n * bits <= 100_000 and len(d.levels) * n * bits <= 10_000_000


def level_masses_exact(d, n):
    """P_G = F_G^n - F_{G-}^n per level, exactly (Lemma 1, Eq. (7) / (13))."""
    An = d.A**n
    out = []
    for k, ag in enumerate(d.level_a):
        if ag == 0:
            out.append(Fraction(0))
            continue
        top = d.A - d.above[k]
        out.append(Fraction(top**n - (top - ag) ** n, An))
    return out


def log_level_mass(d, k, n):
    """log P_G for a level with positive weight: n log F + log(1 - (F_-/F)^n)."""
    top = d.A - d.above[k]  # F   = top / A
    low = top - d.level_a[k]  # F_- = low / A
    log_f_n = n * log_ratio(top, d.A)
    if low == 0:
        return log_f_n
    return log_f_n + log1mexp(n * log_ratio(low, top))


_LEVEL_CACHE = {}


def level_log_masses(d, n):
    """(log P_G or None, P_G) per level at the current precision; cached, since klBon, the estimator
    moments and the cross-checks all need the same level masses."""
    key = (d.key, n, mp.prec)
    if key not in _LEVEL_CACHE:
        if len(_LEVEL_CACHE) > 100:
            _LEVEL_CACHE.clear()
        out = []
        for k, ag in enumerate(d.level_a):
            if ag == 0:
                out.append((None, Fraction(0)))
            else:
                lg = log_level_mass(d, k, n)
                out.append((lg, mpmath.exp(lg)))
        _LEVEL_CACHE[key] = out
    return _LEVEL_CACHE[key]


def level_masses_mp(d, n):
    return [m for _, m in level_log_masses(d, n)]


def bon_pmf_eq7(d, n):
    """pi_n per outcome, in input order (Lemma 1; ties split in proportion to p_i within a level)."""
    if use_exact_pmf(d, n):
        masses = level_masses_exact(d, n)
        return [
            masses[d.level_of[i]] * Fraction(d.a[i], d.level_a[d.level_of[i]]) if d.a[i] else Fraction(0)
            for i in range(d.L)
        ]
    return bon_pmf_mp(d, n)


def bon_pmf_mp(d, n):
    masses = level_masses_mp(d, n)
    out = []
    for i in range(d.L):
        if d.a[i] == 0:
            out.append(Fraction(0))
        else:
            k = d.level_of[i]
            out.append(masses[k] * d.a[i] / d.level_a[k])
    return out


def kl_bon_eq3(d, n):
    """KL(pi_n || p) = sum over levels of P_G log(P_G / g)  (Eq. (3) with Eq. (24))."""
    if n == 1 or d.positive_levels == 1:
        return Fraction(0)  # pi_n = p
    terms = []
    for (log_pg, pg), ag in zip(level_log_masses(d, n), d.level_a):
        if ag:
            terms.append(pg * (log_pg - log_ratio(ag, d.A)))
    return msum(terms)


def kl_formula_eq5(n):
    """The 'analytical formula' log n - (n-1)/n."""
    if n == 1:
        return Fraction(0)
    return mpmath.log(n) - mpf(n - 1) / n


def kl_example1_eq6(n):
    """log 2 - h(2^-n), h the binary entropy in nats."""
    if n == 1:
        return Fraction(0)
    q = mpmath.ldexp(mpf(1), -n)
    h = q * n * mp.ln2 - (1 - q) * mpmath.log1p(-q)  # -q log q - (1-q) log(1-q)
    return mp.ln2 - h


def renyi_eq18(d, alpha):
    """H_alpha(p) = log(sum_{p_i > 0} p_i^alpha) / (1 - alpha)."""
    pos = [x for x in d.a if x > 0]
    if len(pos) == 1:
        return Fraction(0)  # a single outcome of mass 1
    if alpha.denominator == 1 and alpha > 0:
        k = alpha.numerator
        s = sum(x**k for x in pos)  # sum p_i^k = s / A^k exactly
        return log_ratio(s, d.A**k) / (1 - k)
    # sum p_i^alpha - 1 = sum p_i (p_i^(alpha-1) - 1): all terms have one sign, so log1p of this sum
    # stays accurate when sum p_i^alpha is close to 1 (e.g. p = (1e-300, 1 - 1e-300)).
    al = frac_mpf(alpha)
    excess = msum(mpf(x) / d.A * mpmath.expm1((al - 1) * log_ratio(x, d.A)) for x in pos)
    return mpmath.log1p(excess) / (1 - al)


def eps_infinity_eq20(d):
    """Mass of the highest reward level that has positive mass."""
    for k in range(len(d.levels) - 1, -1, -1):
        if d.level_a[k] > 0:
            return Fraction(d.level_a[k], d.A)
    raise AssertionError("unreachable: sum p > 0")


def gap_bound_thm2_eq17(d, n):
    """2 n (n-1) exp(-H_2(p)) = 2 n (n-1) sum p_i^2 (exact)."""
    return Fraction(2 * n * (n - 1) * sum(x * x for x in d.a), d.A * d.A)


def gap_bound_cor2_eq19(d, n):
    """2 n (n-1) delta with delta = max_i p_i (exact)."""
    return Fraction(2 * n * (n - 1) * max(d.a), d.A)


def gap_bound_thm3_eq21(n, e):
    """(1-(1-e)^n)(log(n e / (1-(1-e)^n)) - (n-1)/n) - (n-1)(1-e)^n log(1-e)."""
    if n == 1:
        return Fraction(0)
    if e.is_one():
        return mpmath.log(n) - mpf(n - 1) / n  # (1-e)^n log(1-e) = 0 log 0 = 0
    # The two terms cancel to ~ (n e)^3 / 24: keep 2 log10(1/(n e)) extra digits.
    guard = 15 + max(0, math.ceil(-2 * e.log10_n_times(n)))
    with mp.extradps(guard):
        l1m = e.log1m()
        x = n * l1m
        a = mpmath.exp(x)  # (1-e)^n
        b = -mpmath.expm1(x)  # 1 - (1-e)^n
        t1 = b * (e.log_n_times(n) - log1mexp(x) - mpf(n - 1) / n)
        t2 = (n - 1) * a * l1m
        res = t1 - t2
    return +res


def gap_bound_cor3_eq22(n, e):
    """(1 - exp(-n e)) log(n e) - 1."""
    return -mpmath.expm1(-e.n_times(n)) * e.log_n_times(n) - 1


def kl_hat1_eq26(n, e):
    """KLhat_1(eps) = log((1 - (1-eps)^n) / eps)."""
    if n == 1 or e.is_one():
        return Fraction(0)
    return log1mexp(n * e.log1m()) - e.log()


def kl_hat_eq28(n, e):
    """KLhat(eps) = A (log n + (n-1) log(1-eps) - (n-1)/n) + (1-A) log((1-A)/eps), A = (1-eps)^n."""
    if n == 1 or e.is_one():
        return Fraction(0)
    l1m = e.log1m()
    x = n * l1m
    a = mpmath.exp(x)
    b = -mpmath.expm1(x)
    return a * (mpmath.log(n) + (n - 1) * l1m - mpf(n - 1) / n) + b * (log1mexp(x) - e.log())


def outcome_weights_by_mass(d, n):
    """{a_i: total pi_n over outcomes with weight a_i}, over outcomes with positive mass."""
    masses = level_masses_mp(d, n)
    w = {}
    for i, ai in enumerate(d.a):
        if ai == 0:
            continue
        k = d.level_of[i]
        w[ai] = w.get(ai, 0) + masses[k] * ai / d.level_a[k]
    return w


def kl_estimator_moments(d, n, estimator, moment):
    """E_{y ~ pi_n}[est(p_y)] (moment='mean') or Var_{y ~ pi_n}[est(p_y)] (moment='variance')."""
    distinct = sorted(set(x for x in d.a if x))
    if n == 1 or (len(distinct) == 1 and (moment == "variance" or distinct[0] == d.A)):
        return Fraction(0)  # estimator == 0 everywhere, or a constant estimator has no variance
    w = outcome_weights_by_mass(d, n)
    est = {v: estimator(n, Eps(value=Fraction(v, d.A))) for v in distinct}
    est = {v: (frac_mpf(x) if isinstance(x, Fraction) else x) for v, x in est.items()}
    mean = msum(w[v] * est[v] for v in distinct)
    if moment == "mean":
        return mean
    return msum(w[v] * (est[v] - mean) ** 2 for v in distinct)


def kl_bound_lemma2_eq23(d, n):
    """E_{y ~ pi_n}[log((1 - (1 - p_y)^n) / p_y)] = E[KLhat_1(eps_n)]."""
    return kl_estimator_moments(d, n, kl_hat1_eq26, "mean")


def kl_mixture_cor1(components, n):
    """sum_j w_j KL_j, weights normalised by their exact sum (Corollary 1)."""
    total = sum(w for w, _ in components)
    kls = [(w / total, kl_bon_eq3(d, n)) for w, d in components]
    if all(isinstance(k, Fraction) for _, k in kls):
        return sum(w * k for w, k in kls)
    return msum(frac_mpf(w) * (frac_mpf(k) if isinstance(k, Fraction) else k) for w, k in kls)


# ------------------------------------------------------------------------------------------------
# Ops: parse args (raising InvalidArgument) and return a thunk computing at the current precision.
# ------------------------------------------------------------------------------------------------


def _op_dist_n(fn):
    def op(args):
        d = dist_from_args(args)
        n = parse_n(args.get("n"))
        return lambda: fn(d, n)

    return op


def _op_n(fn):
    def op(args):
        n = parse_n(args.get("n"))
        return lambda: fn(n)

    return op


def _op_n_eps(fn, allow_log=True):
    def op(args):
        n = parse_n(args.get("n"))
        e = parse_eps(args, allow_log)
        return lambda: fn(n, e)

    return op


def _op_renyi(args):
    d = dist_from_args(args)
    alpha = parse_real(args.get("alpha"), "alpha")
    if alpha <= 0 or alpha == 1:
        raise InvalidArgument("alpha", "must be > 0 and != 1")
    return lambda: renyi_eq18(d, alpha)


def _op_renyi2(args):
    d = dist_from_args(args)
    return lambda: renyi_eq18(d, Fraction(2))


def _op_eps_inf(args):
    d = dist_from_args(args)
    return lambda: eps_infinity_eq20(d)


def _op_mixture(args):
    comps = args.get("components")
    if not isinstance(comps, list) or not comps:
        raise InvalidArgument("components", "must be a non-empty array")
    parsed = []
    for j, c in enumerate(comps):
        if not isinstance(c, dict):
            raise InvalidArgument(f"components[{j}]", "must be an object")
        w = parse_real(c.get("weight"), f"components[{j}].weight")
        if w < 0:
            raise InvalidArgument(f"components[{j}].weight", "negative weight")
        probs = parse_p(c.get("p"), f"components[{j}].p")
        parsed.append((w, Dist(probs, parse_r(c.get("r"), len(probs), f"components[{j}].r"))))
    if sum(w for w, _ in parsed) == 0:
        raise InvalidArgument("components", "weights sum to 0")
    n = parse_n(args.get("n"))
    return lambda: kl_mixture_cor1(parsed, n)


OPS = {
    "bonPmf": _op_dist_n(bon_pmf_eq7),
    "klBon": _op_dist_n(kl_bon_eq3),
    "klFormula": _op_n(kl_formula_eq5),
    "klExample1": _op_n(kl_example1_eq6),
    "klEstimate": _op_n_eps(kl_hat_eq28),
    "klEstimateUpper": _op_n_eps(kl_hat1_eq26),
    "renyi2": _op_renyi2,
    "renyi": _op_renyi,
    "epsInfinity": _op_eps_inf,
    "gapBoundThm2": _op_dist_n(gap_bound_thm2_eq17),
    "gapBoundCor2": _op_dist_n(gap_bound_cor2_eq19),
    "gapBoundThm3": _op_n_eps(gap_bound_thm3_eq21, allow_log=False),
    "gapBoundCor3": _op_n_eps(gap_bound_cor3_eq22, allow_log=False),
    "klBoundLemma2": _op_dist_n(kl_bound_lemma2_eq23),
    "klEstimateMean": _op_dist_n(lambda d, n: kl_estimator_moments(d, n, kl_hat_eq28, "mean")),
    "klEstimateVariance": _op_dist_n(lambda d, n: kl_estimator_moments(d, n, kl_hat_eq28, "variance")),
    "klEstimateUpperVariance": _op_dist_n(lambda d, n: kl_estimator_moments(d, n, kl_hat1_eq26, "variance")),
    "klMixture": _op_mixture,
}

# ------------------------------------------------------------------------------------------------
# Decimal output: correctly rounded to 50 significant digits.
# ------------------------------------------------------------------------------------------------


def format_digits(negative, digits, e10):
    """digits: the significant digits (no trailing zeros), value = 0.d1d2... * 10^(e10+1)."""
    sign = "-" if negative else ""
    if -7 < e10 < 21:
        if e10 >= 0:
            ip = digits[: e10 + 1].ljust(e10 + 1, "0")
            fp = digits[e10 + 1 :]
            return sign + ip + ("." + fp if fp else "")
        return sign + "0." + "0" * (-e10 - 1) + digits
    mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mant}e{'+' if e10 > 0 else '-'}{abs(e10)}"


def round_fraction(x):
    """Exact rational -> 50 significant digits, round half to even."""
    if x == 0:
        return "0"
    neg = x < 0
    num, den = abs(x.numerator), x.denominator
    e10 = math.floor((num.bit_length() - den.bit_length()) * math.log10(2))
    while True:
        k = DIGITS - 1 - e10
        n2, d2 = (num * 10**k, den) if k >= 0 else (num, den * 10 ** (-k))
        q, r = divmod(n2, d2)
        if q >= 10**DIGITS:
            e10 += 1
        elif q < 10 ** (DIGITS - 1):
            e10 -= 1
        else:
            break
    if 2 * r > d2 or (2 * r == d2 and q % 2 == 1):
        q += 1
        if q == 10**DIGITS:
            q //= 10
            e10 += 1
    return format_digits(neg, str(q).rstrip("0"), e10)


def round_mpf(x):
    """mpf -> 50 significant digits, or None when it cannot be decided: the value lies too close to a
    rounding tie, or it is a computed 0 (exact zeros are returned as Fraction(0), so a computed 0 is
    an underflow or a total cancellation, and certify() raises the precision)."""
    if x == 0:
        return None
    extra = 10  # guard digits beyond the 50 written
    want = DIGITS + extra
    with mp.extradps(30):
        ax = abs(x)
        e10 = int(mpmath.floor(mpmath.log10(ax)))  # may be off by one near a power of ten
        k = want - e10  # ax * 10^k has want or want+1 (rarely want+2) integer digits
        big = int(mpmath.floor(ax * mpmath.power(10, k)))
    nd = len(str(big))
    assert nd >= want, (nd, want)
    big //= 10 ** (nd - want)  # truncate to exactly `want` digits
    e10 = nd - 1 - k  # value = 0.big * 10^(e10 + 1)
    q, r = divmod(big, 10**extra)
    half = 5 * 10 ** (extra - 1)
    if abs(r - half) <= 1:
        return None
    if r > half:
        q += 1
        if q == 10**DIGITS:
            q //= 10
            e10 += 1
    return format_digits(x < 0, str(q).rstrip("0"), e10)


def format_value(v):
    return round_fraction(v) if isinstance(v, Fraction) else round_mpf(v)


def agree(x, y):
    if isinstance(x, Fraction) or isinstance(y, Fraction):
        return x == y
    with mp.workdps(max(PRECISION_LADDER[-1]) + 50):
        return abs(x - y) <= abs(y) * mpf(10) ** (-AGREE_DIGITS)


def certify(thunk):
    """Evaluate at two precisions (raising them as needed) and return the 50-digit string(s)."""
    for lo, hi in PRECISION_LADDER:
        with mp.workdps(lo):
            a = thunk()
            is_list = isinstance(a, list)
            a_list = a if is_list else [a]
            if all(isinstance(v, Fraction) for v in a_list):
                out = [round_fraction(v) for v in a_list]
                return out if is_list else out[0]
            a_str = [format_value(v) for v in a_list]
        with mp.workdps(hi):
            b = thunk()
            b_list = b if is_list else [b]
            b_str = [format_value(v) for v in b_list]
        ok = all(sx is not None and sx == sy and agree(x, y) for x, y, sx, sy in zip(a_list, b_list, a_str, b_str))
        if ok:
            if (lo, hi) != PRECISION_LADDER[0]:
                ESCALATIONS.append((_current_case[0], (lo, hi)))
            return b_str if is_list else b_str[0]
    raise RuntimeError(f"{_current_case[0]}: precisions never agreed")


def evaluate(op, args):
    return certify(OPS[op](args))


# ------------------------------------------------------------------------------------------------
# Independent checks used while building cases.
# ------------------------------------------------------------------------------------------------


def bon_pmf_brute_force(args):
    """Enumerate all L^n draw tuples with exact Fractions; the winner is uniform among the draws
    whose reward is maximal.  Shares nothing with bon_pmf_eq7 except the input parser."""
    p = parse_p(args["p"])
    s = sum(p)
    p = [x / s for x in p]
    r = parse_r(args.get("r"), len(p)) or list(range(len(p)))
    n = args["n"]
    pi = [Fraction(0)] * len(p)
    for draws in itertools.product(range(len(p)), repeat=n):
        prob = Fraction(1)
        for j in draws:
            prob *= p[j]
        if prob == 0:
            continue
        best = max(r[j] for j in draws)
        winners = [j for j in draws if r[j] == best]
        for j in winners:
            pi[j] += prob / len(winners)
    return p, pi


def check_brute_force(case, kl_value=None):
    p, pi = bon_pmf_brute_force(case["args"])
    expect = [round_fraction(x) for x in pi]
    assert expect == case["value"], (case["id"], expect, case["value"])
    if kl_value is not None:  # per-outcome KL from the enumeration vs the per-level klBon value
        with mp.workdps(100):
            kl = mpmath.fsum(frac_mpf(x) * mpmath.log(frac_mpf(x / y)) for x, y in zip(pi, p) if x > 0)
            want = mpf(kl_value)
            assert abs(kl - want) <= mpf(10) ** -48 * max(abs(want), mpf(10) ** -300), case["id"]


def check_pmf_sums_to_one(case):
    with mp.workdps(80):
        s = mpmath.fsum(mpf(v) for v in case["value"])
        assert abs(s - 1) <= mpf(10) ** -48 * len(case["value"]), (case["id"], s)
        assert all(not v.startswith("-") for v in case["value"]), case["id"]


def check_exact_pmf_against_mp(case):
    """When bonPmf was computed exactly, the mpmath formulation must agree to 55 digits."""
    d = dist_from_args(case["args"])
    n = case["args"]["n"]
    if not use_exact_pmf(d, n) or d.L > 1000:
        return
    exact = bon_pmf_eq7(d, n)
    with mp.workdps(90):
        approx = bon_pmf_mp(d, n)
        for x, y in zip(exact, approx):
            if isinstance(y, Fraction):
                assert x == y == 0, case["id"]
            else:
                assert abs(frac_mpf(x) - y) <= frac_mpf(x) * mpf(10) ** -AGREE_DIGITS, case["id"]


def check_paper_theorems(d, n, case_id):
    """Theorem 1, 2, 3, 4, Corollaries 2, 3 and Lemma 2 on a distribution without ties."""
    assert not d.has_ties

    def m(v):
        return frac_mpf(v) if isinstance(v, Fraction) else v

    with mp.workdps(PRECISION_LADDER[0][0]):
        kl = m(kl_bon_eq3(d, n))
        formula = m(kl_formula_eq5(n))
        tol = mpf(10) ** -40 * (1 + abs(formula))
        gap = formula - kl
        e_inf = Eps(value=eps_infinity_eq20(d))
        facts = {
            "KL >= 0": kl >= -tol,
            "Theorem 1": kl <= formula + tol,
            "Theorem 2": gap <= m(gap_bound_thm2_eq17(d, n)) + tol,
            "Corollary 2": gap <= m(gap_bound_cor2_eq19(d, n)) + tol,
            "Theorem 3": -tol <= m(gap_bound_thm3_eq21(n, e_inf)) <= gap + tol,
            "Corollary 3": m(gap_bound_cor3_eq22(n, e_inf)) <= gap + tol,
            "Lemma 2": kl <= m(kl_bound_lemma2_eq23(d, n)) + tol,
            "Theorem 4": kl <= m(kl_hat_eq28(n, e_inf)) + tol,
        }
    bad = [k for k, ok in facts.items() if not ok]
    assert not bad, (case_id, bad)


# ------------------------------------------------------------------------------------------------
# Case construction helpers.
# ------------------------------------------------------------------------------------------------


class Group:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.cases = []
        self.by_id = {}

    def add(self, cid, op, args, note=None, check_theorems=True):
        args = json.loads(json.dumps(args))  # compute from exactly what the file will say
        _current_case[0] = cid
        value = evaluate(op, args)
        case = {"id": cid, "op": op, "args": args, "value": value}
        if note:
            case["note"] = note
        self.cases.append(case)
        self.by_id[cid] = case
        if op == "bonPmf":
            check_pmf_sums_to_one(case)
            check_exact_pmf_against_mp(case)
            if args["n"] <= 10 and len(args["p"]) ** args["n"] <= 1024:
                check_brute_force(case)
        if op == "klBon" and check_theorems:
            d = dist_from_args(args)
            if not d.has_ties and d.L <= 1000:
                check_paper_theorems(d, args["n"], cid)
        return value

    def add_invalid(self, cid, op, args, field, note=None):
        args = json.loads(json.dumps(args))
        try:
            OPS[op](args)
        except InvalidArgument as e:
            assert e.field == field, (cid, e.field, field)
        else:
            raise AssertionError(f"{cid}: expected an error on {field}")
        case = {"id": cid, "op": op, "args": args, "error": field}
        if note:
            case["note"] = note
        self.cases.append(case)


def n_label(n):
    if n == N_MAX:
        return "2^53-1"
    if n == 2**52:
        return "2^52"
    if n >= 1000 and 10 ** round(math.log10(n)) == n:
        return f"1e{round(math.log10(n))}"
    return str(n)


def dec_exact(f):
    """Exact decimal string of a terminating rational (else an 'a/b' ratio)."""
    den = f.denominator
    k = 0
    while den % 10 == 0 or den % 2 == 0 or den % 5 == 0:
        if den % 10 == 0:
            den //= 10
        elif den % 2 == 0:
            den //= 2
        else:
            den //= 5
        k += 1
    if den != 1:
        return f"{f.numerator}/{f.denominator}"
    scaled = f * 10**k
    assert scaled.denominator == 1
    s = str(abs(scaled.numerator)).rjust(k + 1, "0")
    ip, fp = s[: len(s) - k], s[len(s) - k :].rstrip("0")
    return ("-" if f < 0 else "") + ip + ("." + fp if fp else "")


def exact_str(f):
    """A decimal/ratio string for an exact rational, as short as possible."""
    s = dec_exact(f)
    if "/" in s or len(s) < 25:
        return s
    return f"{f.numerator}/{f.denominator}" if len(str(f.numerator)) + len(str(f.denominator)) < len(s) else s


def eps_label(e):
    """Id fragment for an eps argument: strings as written, JSON numbers marked 'num'."""
    return f"{e}" if isinstance(e, str) else f"{e!r}num" if isinstance(e, float) else f"{e}int"


def uniform_p(L):
    """L copies of the float 1/L: normalised by their exact sum this is exactly uniform."""
    return [1.0 / L] * L


def spiky_p(L, spike, where):
    """One mass `spike` (a decimal string) at the top/middle/bottom, the rest uniform (exact)."""
    s = Fraction(spike)
    rest = exact_str((1 - s) / (L - 1))
    idx = {"top": L - 1, "middle": L // 2, "bottom": 0}[where]
    return [spike if i == idx else rest for i in range(L)]


NS = [1, 2, 10, 100, 1000, 10**4, 10**6, 10**9]

# ------------------------------------------------------------------------------------------------
# The groups.
# ------------------------------------------------------------------------------------------------


def build_formula():
    g = Group("formula", "klFormula: the 'analytical formula' log n - (n-1)/n of Eq. (5), n from 1 to 2^53-1.")
    ns = list(range(1, 11)) + [16, 100, 1000, 10**4, 10**5, 10**6, 10**7, 10**8, 10**9, 10**10, 10**12, 10**15]
    ns += [123456789, 987654321987, 2**31 - 1, 2**32, 2**52, N_MAX]
    for n in ns:
        g.add(f"formula-n{n_label(n)}", "klFormula", {"n": n})
    return g


def build_example1():
    g = Group(
        "example1",
        "Example 1 (Eq. (6)): p = (1/2, 1/2). klExample1 = log 2 - h(2^-n); klBon on the same p (must be "
        "equal), bonPmf (pi = (2^-n, 1 - 2^-n)), and the estimator KLhat(1/2) of Figure 1.",
    )
    ns = [1, 2, 3, 4, 5, 6, 8, 10, 16, 20, 30, 50, 64, 100, 200, 1000, 10**4, 10**6, 10**9, 2**52, N_MAX]
    for n in ns:
        v1 = g.add(f"example1-n{n_label(n)}-klExample1", "klExample1", {"n": n})
        v2 = g.add(f"example1-n{n_label(n)}-klBon", "klBon", {"p": [0.5, 0.5], "n": n})
        assert v1 == v2, (n, v1, v2)
        g.add(f"example1-n{n_label(n)}-klEstimate", "klEstimate", {"n": n, "eps": 0.5})
        if n <= 1000 or n in (10**9, N_MAX):
            g.add(f"example1-n{n_label(n)}-bonPmf", "bonPmf", {"p": [0.5, 0.5], "n": n})
    return g


def build_uniform():
    g = Group(
        "uniform",
        "Uniform p over L in {2, 10, 100, 1000, 10000} outcomes (L copies of the float 1/L, so exactly "
        "uniform after normalisation), n from 1 to 1e9: klBon, bonPmf (L <= 1000), epsInfinity, and the "
        "Figure 2 estimators (klEstimate / klEstimateUpper at eps = 1/L, klEstimateMean, klBoundLemma2).",
    )
    for L in [2, 10, 100, 1000, 10**4]:
        p = uniform_p(L)
        g.add(f"uniform-L{L}-epsInfinity", "epsInfinity", {"p": p})
        for n in NS:
            tag = f"uniform-L{L}-n{n_label(n)}"
            kl = g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n})
            if L == 2:
                assert kl == evaluate("klExample1", {"n": n}), tag
            if L <= 100 or (L == 1000 and n in (10, 1000, 10**9)):
                g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n})
            if L >= 10:
                est = g.add(f"{tag}-klEstimate", "klEstimate", {"n": n, "eps": f"1/{L}"})
                g.add(f"{tag}-klEstimateUpper", "klEstimateUpper", {"n": n, "eps": f"1/{L}"})
                if L <= 1000 or n in (100, 10**6):
                    mean = g.add(f"{tag}-klEstimateMean", "klEstimateMean", {"p": p, "n": n})
                    assert mean == est, (tag, mean, est)
                    g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", {"p": p, "n": n})
    return g


def build_two_point():
    g = Group(
        "two-point",
        "Two outcomes: p = (1-m, m) (the best outcome is rare) and p = (m, 1-m) (the best outcome is "
        "likely), m from 0.5 down to 1e-30 given as exact decimal strings, n from 1 to 1e9; plus float "
        "inputs whose exact sum is not 1 (normalised).",
    )
    ms = ["0.5", "0.1", "0.001", "1e-6", "1e-10", "1e-15", "1e-30"]
    ns = [1, 2, 10, 1000, 10**6, 10**9]
    for m in ms:
        one_minus = dec_exact(1 - Fraction(m))
        for orient, p in (("raretop", [one_minus, m]), ("rarebottom", [m, one_minus])):
            if m == "0.5" and orient == "rarebottom":
                continue
            for n in ns:
                tag = f"two-point-m{m}-{orient}-n{n_label(n)}"
                g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n})
                g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n})
    floats = [
        ("f1e-30-top", [1.0, 1e-30], "floats: sum is 1 + 1e-30 exactly, normalised"),
        ("f1e-30-bottom", [1e-30, 1.0], "floats: sum is 1 + 1e-30 exactly, normalised"),
        ("f0.9-0.1", [0.9, 0.1], "binary64 0.9 + 0.1 (their exact sum is not 1)"),
        ("f0.1-0.9", [0.1, 0.9], "binary64 0.1 + 0.9 (their exact sum is not 1)"),
        ("f1e-10-top", [1 - 1e-10, 1e-10], "binary64 1-1e-10 and 1e-10"),
    ]
    for label, p, note in floats:
        for n in (2, 10**4, 10**9):
            tag = f"two-point-{label}-n{n_label(n)}"
            g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n}, note)
            g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n}, note)
    return g


def build_spiky():
    g = Group(
        "spiky",
        "One mass 0.9 or 1e-4 at the top / middle / bottom of the reward order, the rest uniform (exact "
        "ratio strings), and the two Figure 3 distributions (L = 5 with top mass 1e-4; L = 200 with the "
        "three best outcomes 1e-5, 1e-3, 1e-1 from the top), n up to 1e9.",
    )
    for L in [5, 10, 100, 1000]:
        for spike in ["0.9", "1e-4"]:
            for where in ["top", "middle", "bottom"]:
                p = spiky_p(L, spike, where)
                base = f"spiky-L{L}-{spike}-{where}"
                g.add(f"{base}-epsInfinity", "epsInfinity", {"p": p})
                for n in [10, 1000, 10**6, 10**9]:
                    tag = f"{base}-n{n_label(n)}"
                    g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n})
                    if L <= 100 and n in (10, 10**6):
                        g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n})
                        g.add(f"{tag}-klEstimateMean", "klEstimateMean", {"p": p, "n": n})
    fig_left = spiky_p(5, "1e-4", "top")
    for k in range(10):
        n = 10**k
        tag = f"spiky-fig3left-n{n_label(n)}"
        note = "Figure 3 left: L=5, top mass 1e-4, rest uniform"
        g.add(f"{tag}-klBon", "klBon", {"p": fig_left, "n": n}, note)
        g.add(f"{tag}-bonPmf", "bonPmf", {"p": fig_left, "n": n}, note)
        g.add(f"{tag}-klEstimateMean", "klEstimateMean", {"p": fig_left, "n": n}, note)
        g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", {"p": fig_left, "n": n}, note)
    top3 = [Fraction("1e-1"), Fraction("1e-3"), Fraction("1e-5")]
    rest = exact_str((1 - sum(top3)) / 197)
    fig_right = [rest] * 197 + ["0.1", "0.001", "0.00001"]
    for k in range(10):
        n = 10**k
        tag = f"spiky-fig3right-n{n_label(n)}"
        note = "Figure 3 right: L=200, best three 1e-5, 1e-3, 1e-1 from the top, rest uniform"
        g.add(f"{tag}-klBon", "klBon", {"p": fig_right, "n": n}, note)
        g.add(f"{tag}-klEstimateMean", "klEstimateMean", {"p": fig_right, "n": n}, note)
        g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", {"p": fig_right, "n": n}, note)
        if n in (1000, 10**5):
            g.add(f"{tag}-bonPmf", "bonPmf", {"p": fig_right, "n": n}, note)
    return g


def random_distributions():
    """Deterministic float distributions (numpy Generator, fixed seed)."""
    rng = np.random.default_rng(20240604)
    out = []
    for alpha in [0.1, 1.0, 10.0]:
        for L in [3, 10, 100, 1000]:
            p = rng.dirichlet(np.full(L, alpha))
            out.append((f"dirichlet-a{alpha:g}-L{L}", [float(x) for x in p]))
    for s in [1.1, 2.0]:
        for L in [100, 1000]:
            w = 1.0 / np.arange(1, L + 1) ** s
            p = w / w.sum()
            out.append((f"zipf-s{s:g}-L{L}-shuffled", [float(x) for x in rng.permutation(p)]))
            out.append((f"zipf-s{s:g}-L{L}-increasing", [float(x) for x in p[::-1]]))
    for q in [0.5, 0.9]:
        for L in [50, 500]:
            w = q ** np.arange(L, dtype=float)
            p = w / w.sum()
            out.append((f"geometric-q{q:g}-L{L}-decreasing", [float(x) for x in p]))
            out.append((f"geometric-q{q:g}-L{L}-shuffled", [float(x) for x in rng.permutation(p)]))
    return out


def build_random():
    g = Group(
        "random",
        "Float distributions from numpy (seed 20240604): Dirichlet(alpha) with alpha in {0.1, 1, 10} and "
        "L in {3, 10, 100, 1000}; Zipf (s = 1.1, 2) and geometric (q = 0.5, 0.9) heavy tails in random, "
        "increasing and decreasing reward order; float sums are normalised exactly; n up to 1e9 (2^53-1 "
        "in large-n.json).",
    )
    for label, p in random_distributions():
        L = len(p)
        for n in [2, 7, 100, 10**4, 10**9]:
            tag = f"random-{label}-n{n_label(n)}"
            g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n})
            if (L <= 100 and n in (7, 10**4)) or (L > 100 and n == 100 and label.startswith("dirichlet")):
                g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n})
    # p whose exact sum is off by less than the 1e-6 tolerance: normalised, not rejected.
    near = [0.25, 0.25, 0.5000009]
    for n in (3, 1000):
        g.add(f"random-sum-1+9e-7-n{n}-klBon", "klBon", {"p": near, "n": n}, "sum(p) = 1 + 9e-7: valid, normalised")
        g.add(f"random-sum-1+9e-7-n{n}-bonPmf", "bonPmf", {"p": near, "n": n}, "sum(p) = 1 + 9e-7: valid, normalised")
    sub = [5e-324, 1e-300, 0.5, 0.5]
    for n in (2, 10**9):
        g.add(f"random-subnormal-n{n_label(n)}-klBon", "klBon", {"p": sub, "n": n}, "smallest subnormal mass")
        g.add(f"random-subnormal-n{n_label(n)}-bonPmf", "bonPmf", {"p": sub, "n": n}, "smallest subnormal mass")
    return g


def build_large_n():
    g = Group(
        "large-n",
        "n at the top of the range (1e12, 1e15, 2^52, 2^53-1) on two-point, uniform, Figure 3 and random "
        "distributions: klBon, bonPmf (small L), klEstimateMean, klBoundLemma2.",
    )
    rand = dict(random_distributions())
    dists = [
        ("two-point-1e-30-raretop", ["0.999999999999999999999999999999", "1e-30"]),
        ("two-point-1e-30-rarebottom", ["1e-30", "0.999999999999999999999999999999"]),
        ("two-point-1e-300-raretop", [dec_exact(1 - Fraction("1e-300")), "1e-300"]),
        ("uniform-L10", uniform_p(10)),
        ("uniform-L1000", uniform_p(1000)),
        ("fig3left", spiky_p(5, "1e-4", "top")),
        ("dirichlet-a1-L10", rand["dirichlet-a1-L10"]),
        ("dirichlet-a0.1-L100", rand["dirichlet-a0.1-L100"]),
    ]
    for label, p in dists:
        for n in [10**12, 10**15, 2**52, N_MAX]:
            tag = f"large-n-{label}-n{n_label(n)}"
            g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n})
            if len(p) <= 10 and n in (10**15, N_MAX):
                g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n})
            if n in (10**12, N_MAX):
                g.add(f"{tag}-klEstimateMean", "klEstimateMean", {"p": p, "n": n})
                g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", {"p": p, "n": n})
    return g


def build_ties():
    g = Group(
        "ties",
        "Rewards r with ties (any order): the winner is uniform among the draws of maximal reward, so an "
        "outcome in a tie group of mass g above mass F_- gets (p_i/g)((F_-+g)^n - F_-^n). 40 small cases "
        "(L <= 4, n <= 5) whose bonPmf was also checked by brute-force enumeration of all L^n draws, then "
        "larger tie structures, all-tied, -0/+0, permuted and index rewards (which must match the r-less value).",
    )
    rnd = random.Random(20240605)
    made = 0
    while made < 40:
        L = rnd.choice([2, 3, 4])
        n = rnd.randint(1, 5)
        if L**n > 1024:
            continue
        r = [rnd.randint(0, 2) for _ in range(L)]
        if len(set(r)) == L:
            continue  # want at least one tie
        w = [rnd.choice([0, 1, 1, 2, 3, 5, 7]) for _ in range(L)]
        if sum(w) == 0:
            continue
        if made % 3 == 2:
            p = [x / sum(w) for x in w]  # floats: exact sum generally != 1, normalised
            r = [float(x) - 0.5 for x in r]
        else:
            W = sum(w)
            p = [0 if x == 0 else f"{x}/{W}" for x in w]
        tag = f"ties-small{made:02d}-L{L}-n{n}"
        args = {"p": p, "n": n, "r": r}
        g.add(f"{tag}-bonPmf", "bonPmf", args, "checked against brute-force enumeration")
        kl = g.add(f"{tag}-klBon", "klBon", args)
        check_brute_force(g.by_id[f"{tag}-bonPmf"], kl)
        if made % 4 == 0:
            g.add(f"{tag}-epsInfinity", "epsInfinity", {"p": p, "r": r})
        made += 1
    # Larger ties: Dirichlet masses with 10 reward levels in random order.
    rng = np.random.default_rng(7)
    for L, levels in [(50, 10), (1000, 25)]:
        p = [float(x) for x in rng.dirichlet(np.ones(L))]
        r = [int(x) for x in rng.integers(0, levels, size=L)]
        for n in [3, 100, 10**4, 10**9]:
            tag = f"ties-L{L}-levels{levels}-n{n_label(n)}"
            g.add(f"{tag}-klBon", "klBon", {"p": p, "n": n, "r": r})
            if L <= 50 or n == 100:
                g.add(f"{tag}-bonPmf", "bonPmf", {"p": p, "n": n, "r": r})
        g.add(f"ties-L{L}-levels{levels}-epsInfinity", "epsInfinity", {"p": p, "r": r})
    # All outcomes tied: pi = p, KL = 0 exactly.
    p = [0.1, 0.2, 0.3, 0.4]
    for n in [2, 10**9]:
        g.add(f"ties-all-tied-n{n_label(n)}-klBon", "klBon", {"p": p, "n": n, "r": [1, 1, 1, 1]}, "one level: KL = 0")
        g.add(f"ties-all-tied-n{n_label(n)}-bonPmf", "bonPmf", {"p": p, "n": n, "r": [1, 1, 1, 1]}, "one level: pi = p")
    g.add("ties-all-tied-epsInfinity", "epsInfinity", {"p": p, "r": [1, 1, 1, 1]}, "whole tie group")
    # -0.0 and 0.0 are the same reward.
    args = {"p": ["1/4", "1/4", "1/2"], "n": 3, "r": [-0.0, 0.0, -1]}
    g.add("ties-negzero-n3-bonPmf", "bonPmf", args, "-0 and +0 tie")
    g.add("ties-negzero-n3-klBon", "klBon", args, "-0 and +0 tie")
    g.add("ties-extreme-rewards-n5-bonPmf", "bonPmf",
          {"p": ["0.2", "0.3", "0.1", "0.4"], "n": 5, "r": [1e308, -1e308, 5e-324, 1e308]}, "extreme reward values")
    # Rewards 0..L-1 reproduce the r-less values; reversed rewards equal the reversed p without r.
    rand = dict(random_distributions())
    base = rand["dirichlet-a1-L10"]
    for n in [5, 10**6]:
        plain_kl = evaluate("klBon", {"p": base, "n": n})
        plain_pmf = evaluate("bonPmf", {"p": base, "n": n})
        v = g.add(f"ties-index-rewards-n{n_label(n)}-klBon", "klBon", {"p": base, "n": n, "r": list(range(10))},
                  "r = 0..L-1: same as without r")
        assert v == plain_kl
        v = g.add(f"ties-index-rewards-n{n_label(n)}-bonPmf", "bonPmf", {"p": base, "n": n, "r": list(range(10))},
                  "r = 0..L-1: same as without r")
        assert v == plain_pmf
        rev = list(reversed(base))
        v = g.add(f"ties-reversed-rewards-n{n_label(n)}-bonPmf", "bonPmf",
                  {"p": rev, "n": n, "r": [9 - i for i in range(10)]}, "decreasing r: the r-less pmf reversed")
        assert v == list(reversed(plain_pmf))
        v = g.add(f"ties-reversed-rewards-n{n_label(n)}-klBon", "klBon",
                  {"p": rev, "n": n, "r": [9 - i for i in range(10)]})
        assert v == plain_kl
        v = g.add(f"ties-reversed-rewards-n{n_label(n)}-klBoundLemma2", "klBoundLemma2",
                  {"p": rev, "n": n, "r": [9 - i for i in range(10)]})
        assert v == evaluate("klBoundLemma2", {"p": base, "n": n})
    # Ties also reach the estimator moments.
    p = ["0.1", "0.2", "0.3", "0.4"]
    r = [2, 1, 2, 0]
    for n in [3, 1000]:
        for op in ["klEstimateMean", "klEstimateVariance", "klEstimateUpperVariance", "klBoundLemma2"]:
            g.add(f"ties-moments-n{n}-{op}", op, {"p": p, "n": n, "r": r})
    return g


def build_zero_mass():
    g = Group(
        "zero-mass",
        "Zero entries in p at the bottom, middle and top, with and without rewards (a zero-mass outcome "
        "gets pi = 0, is skipped by KL sums and by eps_infinity, even when it has the highest reward or "
        "ties with positive mass), and single-support distributions (KL = 0).",
    )
    dists = [
        ("bottom", [0, 0.5, 0.5], None),
        ("middle", [0.5, 0, 0.5], None),
        ("top", [0.5, 0.5, 0], None),
        ("tops", ["0.3", "0.7", 0, 0], None),
        ("alternating", [0, 0.2, 0, 0.2, 0, 0.2, 0, 0.2, 0, 0.2], None),
        ("ratios", [0, "1/3", 0, "2/3", 0], None),
        ("single-last", [0, 0, 1], None),
        ("single-first", [1, 0, 0], None),
        ("single-middle", [0, 1, 0], None),
        ("r-zero-best", [0.25, 0, 0.75], [1, 5, 1], "the zero-mass outcome has the highest reward"),
        ("r-zero-tied", ["0.5", 0, "0.5"], [2, 2, 1], "zero mass tied with a positive mass"),
        ("r-zero-unsorted", [0, "0.2", "0.3", 0, "0.5"], [9, 1, 3, -2, 2], None),
        ("tiny-and-zero", [0, "1e-30", "0.999999999999999999999999999999", 0], None),
    ]
    for item in dists:
        label, p, r = item[:3]
        note = item[3] if len(item) > 3 else None
        extra = {"r": r} if r is not None else {}
        g.add(f"zero-mass-{label}-epsInfinity", "epsInfinity", {"p": p, **extra}, note)
        if r is None:
            g.add(f"zero-mass-{label}-renyi2", "renyi2", {"p": p})
        for n in [3, 10**6]:
            tag = f"zero-mass-{label}-n{n_label(n)}"
            args = {"p": p, "n": n, **extra}
            g.add(f"{tag}-bonPmf", "bonPmf", args, note)
            g.add(f"{tag}-klBon", "klBon", args, note)
            g.add(f"{tag}-klEstimateMean", "klEstimateMean", args, note)
            g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", args, note)
            g.add(f"{tag}-klEstimateVariance", "klEstimateVariance", args, note)
            if r is None:
                g.add(f"{tag}-gapBoundThm2", "gapBoundThm2", {"p": p, "n": n})
                g.add(f"{tag}-gapBoundCor2", "gapBoundCor2", {"p": p, "n": n})
        if len(p) ** 3 <= 1024:
            case = g.by_id[f"zero-mass-{label}-n3-bonPmf"]
            check_brute_force(case, g.by_id[f"zero-mass-{label}-n3-klBon"]["value"])
    return g


def build_estimators():
    g = Group(
        "estimators",
        "The scalar estimators KLhat (klEstimate, Eq. (28)) and KLhat_1 (klEstimateUpper, Eq. (26)) for "
        "eps from 1 down to 1e-300 (decimal strings and binary64 numbers, and the smallest subnormal) "
        "and for logEps from 0 down to -1e5 (eps far below binary64 range), n from 1 to 2^53-1.",
    )
    eps_list = [1, 0.5, "0.999999999999999999999999999999", 0.9, "0.1", 0.1, "1/3", 0.001, "1e-6",
                1e-10, "1e-30", 1e-100, "1e-300", 1e-300, 5e-324]
    log_list = [0, -1e-20, -1e-5, -0.5, -1, -10, -100, -745, -1000, -1e4, -1e5]
    ns = [1, 2, 10, 1000, 10**6, 10**9, N_MAX]
    for op in ["klEstimate", "klEstimateUpper"]:
        for e in eps_list:
            el = eps_label(e)
            for n in ns:
                g.add(f"estimators-{op}-eps{el}-n{n_label(n)}", op, {"n": n, "eps": e})
        for le in log_list:
            for n in ns:
                g.add(f"estimators-{op}-logEps{le:g}-n{n_label(n)}", op, {"n": n, "logEps": le})
    return g


def build_bounds():
    g = Group(
        "bounds",
        "Gap bounds and estimator moments per distribution: klBon, gapBoundThm2 (Eq. (17)), gapBoundCor2 "
        "(Eq. (19)), epsInfinity, gapBoundThm3 / gapBoundCor3 (Eqs. (21), (22)) at eps = eps_infinity "
        "(written exactly), klBoundLemma2 (Eq. (23)), klEstimateMean / klEstimateVariance / "
        "klEstimateUpperVariance; plus Eqs. (21), (22) on a grid of eps and n.",
    )
    rand = dict(random_distributions())
    dists = [
        ("uniform-L2", uniform_p(2)),
        ("uniform-L10", uniform_p(10)),
        ("uniform-L100", uniform_p(100)),
        ("two-point-0.1-raretop", ["0.9", "0.1"]),
        ("two-point-0.1-rarebottom", ["0.1", "0.9"]),
        ("two-point-1e-10-raretop", [dec_exact(1 - Fraction("1e-10")), "1e-10"]),
        ("two-point-1e-30-rarebottom", ["1e-30", "0.999999999999999999999999999999"]),
        ("spiky-L10-0.9-top", spiky_p(10, "0.9", "top")),
        ("spiky-L10-0.9-bottom", spiky_p(10, "0.9", "bottom")),
        ("spiky-L10-1e-4-top", spiky_p(10, "1e-4", "top")),
        ("spiky-L100-1e-4-middle", spiky_p(100, "1e-4", "middle")),
        ("fig3left", spiky_p(5, "1e-4", "top")),
        ("three-thirds", ["1/3", "1/3", "1/3"]),
        ("increasing-4", ["0.1", "0.2", "0.3", "0.4"]),
        ("decreasing-4", ["0.4", "0.3", "0.2", "0.1"]),
        ("zeros", [0, "0.25", 0, "0.75", 0]),
        ("single", [0, 1]),
        ("dirichlet-a0.1-L10", rand["dirichlet-a0.1-L10"]),
        ("dirichlet-a1-L10", rand["dirichlet-a1-L10"]),
        ("dirichlet-a10-L100", rand["dirichlet-a10-L100"]),
        ("dirichlet-a1-L100", rand["dirichlet-a1-L100"]),
        ("zipf-s1.1-L100-shuffled", rand["zipf-s1.1-L100-shuffled"]),
        ("geometric-q0.5-L50-decreasing", rand["geometric-q0.5-L50-decreasing"]),
        ("geometric-q0.9-L50-shuffled", rand["geometric-q0.9-L50-shuffled"]),
    ]
    for label, p in dists:
        base = f"bounds-{label}"
        d = dist_from_args({"p": json.loads(json.dumps(p))})
        e_inf = exact_str(eps_infinity_eq20(d))
        g.add(f"{base}-epsInfinity", "epsInfinity", {"p": p})
        for n in [2, 100, 10**6]:
            tag = f"{base}-n{n_label(n)}"
            args = {"p": p, "n": n}
            g.add(f"{tag}-klBon", "klBon", args)
            g.add(f"{tag}-gapBoundThm2", "gapBoundThm2", args)
            g.add(f"{tag}-gapBoundCor2", "gapBoundCor2", args)
            g.add(f"{tag}-gapBoundThm3", "gapBoundThm3", {"n": n, "eps": e_inf}, "eps = eps_infinity of p")
            g.add(f"{tag}-gapBoundCor3", "gapBoundCor3", {"n": n, "eps": e_inf}, "eps = eps_infinity of p")
            g.add(f"{tag}-klBoundLemma2", "klBoundLemma2", args)
            g.add(f"{tag}-klEstimateMean", "klEstimateMean", args)
            g.add(f"{tag}-klEstimateVariance", "klEstimateVariance", args)
            g.add(f"{tag}-klEstimateUpperVariance", "klEstimateUpperVariance", args)
    for e in [1, 0.5, "0.1", 0.1, "0.001", "1e-10", "1e-30", "1e-300"]:
        el = eps_label(e)
        for n in [1, 2, 10, 1000, 10**6, 10**9, N_MAX]:
            for op in ["gapBoundThm3", "gapBoundCor3"]:
                g.add(f"bounds-{op}-eps{el}-n{n_label(n)}", op, {"n": n, "eps": e})
    return g


def build_mixtures():
    g = Group(
        "mixtures",
        "klMixture (Corollary 1): sum_j w_j KL(pi_n || p_j) over 1-4 components {weight, p, r?}, weights "
        "normalised by their exact sum (numbers or strings); one-component and identical-component "
        "mixtures reproduce klBon.",
    )
    rand = dict(random_distributions())
    comps = {
        "u10": {"p": uniform_p(10)},
        "ex1": {"p": [0.5, 0.5]},
        "two1e-30": {"p": ["0.999999999999999999999999999999", "1e-30"]},
        "fig3left": {"p": spiky_p(5, "1e-4", "top")},
        "dir10": {"p": rand["dirichlet-a1-L10"]},
        "dir100": {"p": rand["dirichlet-a0.1-L100"]},
        "ties": {"p": ["0.1", "0.2", "0.3", "0.4"], "r": [2, 1, 2, 0]},
        "zeros": {"p": [0, "0.25", 0, "0.75"]},
        "single": {"p": [0, 1]},
    }
    mixes = [
        ("u10-ex1", [("0.5", "u10"), ("0.5", "ex1")]),
        ("u10-ex1-unnormalised", [(3, "u10"), (1, "ex1")]),
        ("fig3left-two", [(0.25, "fig3left"), (0.75, "two1e-30")]),
        ("dir10-dir100-ties", [("1/3", "dir10"), ("1/3", "dir100"), ("1/3", "ties")]),
        ("four", [(0.1, "u10"), (0.2, "zeros"), (0.3, "ties"), (0.4, "single")]),
        ("with-zero-weight", [(0, "u10"), (1, "ex1")]),
        ("tiny-weight", [("1e-30", "dir100"), ("0.999999999999999999999999999999", "single")]),
    ]
    for label, parts in mixes:
        components = [{"weight": w, **comps[name]} for w, name in parts]
        for n in [1, 2, 100, 10**6]:
            g.add(f"mixtures-{label}-n{n_label(n)}", "klMixture", {"components": components, "n": n})
    for name in ["u10", "ties", "dir100"]:
        for n in [3, 10**4]:
            plain = evaluate("klBon", {**comps[name], "n": n})
            v1 = g.add(f"mixtures-single-{name}-n{n_label(n)}", "klMixture",
                       {"components": [{"weight": 2.5, **comps[name]}], "n": n}, "one component: equals klBon")
            v2 = g.add(f"mixtures-same-{name}-n{n_label(n)}", "klMixture",
                       {"components": [{"weight": 1, **comps[name]}, {"weight": "7/3", **comps[name]}], "n": n},
                       "identical components: equals klBon")
            assert v1 == v2 == plain, (name, n)
    return g


def build_renyi():
    g = Group(
        "renyi",
        "Renyi entropies (Eq. (18), natural log, over outcomes with positive mass): renyi2 {p} and renyi "
        "{p, alpha} for alpha in {0.5, 3}.",
    )
    rand = dict(random_distributions())
    dists = [
        ("uniform-L2", uniform_p(2)),
        ("uniform-L10", uniform_p(10)),
        ("uniform-L1000", uniform_p(1000)),
        ("ex1", [0.5, 0.5]),
        ("thirds", ["1/3", "1/3", "1/3"]),
        ("two-point-1e-30", ["0.999999999999999999999999999999", "1e-30"]),
        ("two-point-1e-300", ["1e-300", dec_exact(1 - Fraction("1e-300"))]),
        ("floats-0.9-0.1", [0.9, 0.1]),
        ("spiky-L100-0.9", spiky_p(100, "0.9", "middle")),
        ("spiky-L10-1e-4", spiky_p(10, "1e-4", "top")),
        ("fig3right", [exact_str((1 - Fraction("0.10101")) / 197)] * 197 + ["0.1", "0.001", "0.00001"]),
        ("zeros", [0, "0.25", 0, "0.75"]),
        ("single", [0, 1, 0]),
        ("subnormal", [5e-324, 0.5, 0.5]),
        ("dirichlet-a0.1-L10", rand["dirichlet-a0.1-L10"]),
        ("dirichlet-a1-L100", rand["dirichlet-a1-L100"]),
        ("dirichlet-a10-L1000", rand["dirichlet-a10-L1000"]),
        ("zipf-s1.1-L1000", rand["zipf-s1.1-L1000-shuffled"]),
        ("zipf-s2-L100", rand["zipf-s2-L100-increasing"]),
        ("geometric-q0.5-L500", rand["geometric-q0.5-L500-decreasing"]),
        ("geometric-q0.9-L50", rand["geometric-q0.9-L50-shuffled"]),
    ]
    for label, p in dists:
        g.add(f"renyi-{label}-renyi2", "renyi2", {"p": p})
        g.add(f"renyi-{label}-alpha0.5", "renyi", {"p": p, "alpha": 0.5})
        g.add(f"renyi-{label}-alpha3", "renyi", {"p": p, "alpha": 3})
    return g


def build_invalid():
    g = Group(
        "invalid",
        "Invalid inputs: each case has \"error\" naming the offending field instead of a value. A subject "
        "must answer with an error (not a value); the field tells a precise implementation where.",
    )
    bad = [
        ("negative-p", "bonPmf", {"p": [0.5, -0.1, 0.6], "n": 2}, "p[1]", "negative probability"),
        ("negative-p-string", "klBon", {"p": ["0.5", "-1e-30", "0.5"], "n": 2}, "p[1]", "negative probability"),
        ("empty-p", "klBon", {"p": [], "n": 2}, "p", "empty p"),
        ("p-not-array", "bonPmf", {"p": "0.5,0.5", "n": 2}, "p", "p must be an array"),
        ("sum-too-big", "bonPmf", {"p": [0.5, 0.5001], "n": 2}, "p", "sum 1.0001"),
        ("sum-off-1.5e-6", "klBon", {"p": [0.5, 0.4999985], "n": 2}, "p", "sum 1 - 1.5e-6: beyond the 1e-6 tolerance"),
        ("sum-zero", "bonPmf", {"p": [0, 0], "n": 2}, "p", "all masses zero"),
        ("p-abc", "bonPmf", {"p": [0.5, "abc"], "n": 2}, "p[1]", "non-numeric string"),
        ("p-trailing-garbage", "renyi2", {"p": ["0.5", "0.5x"]}, "p[1]", "non-numeric string"),
        ("p-zero-denominator", "renyi2", {"p": ["1/0", 1]}, "p[0]", "ratio with zero denominator"),
        ("p-infinity-string", "klBon", {"p": ["Infinity", 0.5], "n": 2}, "p[0]", "not a finite decimal"),
        ("r-too-short", "bonPmf", {"p": [0.5, 0.5], "n": 2, "r": [1]}, "r", "p/r length mismatch"),
        ("r-too-long", "klBon", {"p": [0.5, 0.5], "n": 2, "r": [1, 2, 3]}, "r", "p/r length mismatch"),
        ("n-zero", "klBon", {"p": [0.5, 0.5], "n": 0}, "n", "n = 0"),
        ("n-fraction", "klBon", {"p": [0.5, 0.5], "n": 1.5}, "n", "n = 1.5"),
        ("n-negative", "klFormula", {"n": -3}, "n", "n < 0"),
        ("n-2^53", "klFormula", {"n": 2**53}, "n", "n = 2^53 is beyond 2^53-1"),
        ("n-missing", "klFormula", {}, "n", "n missing"),
        ("eps-zero", "klEstimate", {"n": 10, "eps": 0}, "eps", "eps = 0"),
        ("eps-above-one", "klEstimate", {"n": 10, "eps": 1.5}, "eps", "eps = 1.5"),
        ("eps-negative", "klEstimateUpper", {"n": 10, "eps": "-1e-30"}, "eps", "eps < 0"),
        ("eps-abc", "klEstimate", {"n": 10, "eps": "abc"}, "eps", "non-numeric string"),
        ("eps-zero-thm3", "gapBoundThm3", {"n": 10, "eps": 0}, "eps", "eps = 0"),
        ("logEps-positive", "klEstimate", {"n": 10, "logEps": 0.1}, "logEps", "logEps = 0.1 > 0"),
        ("logEps-tiny-positive", "klEstimateUpper", {"n": 10, "logEps": 1e-300}, "logEps", "logEps > 0"),
        ("eps-n-zero", "klEstimate", {"n": 0, "eps": 0.5}, "n", "n = 0"),
    ]
    for label, op, args, field, note in bad:
        g.add_invalid(f"invalid-{label}", op, args, field, note)
    return g


GROUPS = [
    ("formula.json", build_formula),
    ("example1.json", build_example1),
    ("uniform.json", build_uniform),
    ("two-point.json", build_two_point),
    ("spiky.json", build_spiky),
    ("random.json", build_random),
    ("large-n.json", build_large_n),
    ("ties.json", build_ties),
    ("zero-mass.json", build_zero_mass),
    ("estimators.json", build_estimators),
    ("bounds.json", build_bounds),
    ("mixtures.json", build_mixtures),
    ("renyi.json", build_renyi),
    ("invalid.json", build_invalid),
]

# ------------------------------------------------------------------------------------------------
# Output and final validation.
# ------------------------------------------------------------------------------------------------


def file_object(g):
    return {
        "format": FORMAT,
        "group": g.name,
        "description": g.description,
        "generator": GENERATOR,
        "mpmath": mpmath.__version__,
        "digits": DIGITS,
        "cases": g.cases,
    }


def dump(obj):
    """Header fields one per line, then one case per line (compact, diff-friendly)."""
    lines = ["{"]
    for k, v in obj.items():
        if k != "cases":
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "cases": [')
    cases = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in obj["cases"]]
    lines.append(",\n".join("    " + c for c in cases))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


VALUE_RE = re.compile(r"^(0|-?(0\.[0-9]*[1-9]|[1-9][0-9]*(\.[0-9]*[1-9])?)|-?[1-9](\.[0-9]*[1-9])?e[+-][1-9][0-9]*)$")


def structural_check(obj, fname):
    """A minimal hand-written check of the vector-file format (independent of jsonschema)."""
    assert obj["format"] == FORMAT and obj["digits"] == DIGITS, fname
    assert obj["generator"] == GENERATOR and isinstance(obj["description"], str), fname
    for c in obj["cases"]:
        assert set(c) <= {"id", "op", "args", "value", "error", "note"}, c["id"]
        assert isinstance(c["args"], dict) and c["op"] in OPS, c["id"]
        assert ("value" in c) != ("error" in c), c["id"]
        if "value" in c:
            vals = c["value"] if c["op"] == "bonPmf" else [c["value"]]
            assert isinstance(vals, list) and all(isinstance(v, str) and VALUE_RE.match(v) for v in vals), c["id"]
            sig = [len(v.split("e")[0].replace("-", "").replace(".", "").lstrip("0")) for v in vals]
            assert max(sig) <= DIGITS, c["id"]


def validate_files(paths):
    schema_path = os.path.join(HERE, "vectors.schema.json")
    with open(schema_path) as f:
        schema = json.load(f)
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
        print("jsonschema not importable: schema validation skipped (structural check only)")
    seen = set()
    for path in paths:
        with open(path) as f:
            obj = json.load(f)
        structural_check(obj, path)
        if jsonschema is not None:
            jsonschema.validate(obj, schema, cls=jsonschema.validators.validator_for(schema))
        for c in obj["cases"]:
            assert c["id"] not in seen, f"duplicate id {c['id']}"
            seen.add(c["id"])
            if "value" in c:  # every valid case must be accepted by the protocol parser
                OPS[c["op"]](c["args"])
    return jsonschema is not None


def build_group(fname):
    """Build one group (run in a worker process); returns what main() needs to write and report."""
    t = time.time()
    g = dict(GROUPS)[fname]()
    return fname, file_object(g), ESCALATIONS, time.time() - t


def naive_recheck():
    """--naive: recompute cases from the textbook formulas at 1200 digits and compare (see top)."""
    digits = 1200
    tiny = Fraction(1, 10**300)

    def masses(args):
        p = parse_p(args["p"])
        s = sum(p)
        return [x / s for x in p]

    def pmf(args):
        p, n = masses(args), args["n"]
        r = args.get("r") or list(range(len(p)))
        out = []
        for i in range(len(p)):
            below = sum(p[j] for j in range(len(p)) if r[j] < r[i])
            g = sum(p[j] for j in range(len(p)) if r[j] == r[i])
            out.append(mpf(0) if p[i] == 0 else frac_mpf(p[i] / g) * (frac_mpf(below + g) ** n - frac_mpf(below) ** n))
        return out

    def eps(args):
        return frac_mpf(parse_real(args["eps"], "eps")) if "eps" in args else mpmath.exp(frac_mpf(parse_real(args["logEps"], "logEps")))

    def khat(n, e, upper):
        if e == 1:
            return mpf(0)
        a = (1 - e) ** n
        if upper:
            return mpmath.log((1 - a) / e)
        return a * (mpmath.log(n) + (n - 1) * mpmath.log(1 - e) - mpf(n - 1) / n) + (1 - a) * mpmath.log((1 - a) / e)

    def thm3(n, e):
        a = (1 - e) ** n
        last = 0 if e == 1 else (n - 1) * a * mpmath.log(1 - e)
        return (1 - a) * (mpmath.log(n * e / (1 - a)) - mpf(n - 1) / n) - last

    naive = {
        "bonPmf": pmf,
        "klBon": lambda a: msum(x * mpmath.log(x / frac_mpf(q)) for x, q in zip(pmf(a), masses(a)) if x > 0),
        "klEstimate": lambda a: khat(a["n"], eps(a), False),
        "klEstimateUpper": lambda a: khat(a["n"], eps(a), True),
        "klFormula": lambda a: mpmath.log(a["n"]) - mpf(a["n"] - 1) / a["n"],
        "gapBoundThm3": lambda a: thm3(a["n"], eps(a)),
        "gapBoundCor3": lambda a: (1 - mpmath.exp(-a["n"] * eps(a))) * mpmath.log(a["n"] * eps(a)) - 1,
        "renyi2": lambda a: -mpmath.log(msum(frac_mpf(x) ** 2 for x in masses(a))),
    }
    checked = 0
    for fname, _ in GROUPS:
        with open(os.path.join(HERE, fname)) as f:
            cases = json.load(f)["cases"]
        for c in cases:
            a = c["args"]
            if "value" not in c or c["op"] not in naive:
                continue
            if "p" in a and (len(a["p"]) > 200 or any(0 < x < tiny for x in parse_p(a["p"]))):
                continue  # the naive F^n - F_-^n would cancel beyond 1000 digits
            if "p" in a and a.get("n", 0) > 10**9 and len(a["p"]) > 10:
                continue
            if a.get("logEps", 0) < -600 or ("eps" in a and c["op"] == "gapBoundThm3" and parse_real(a["eps"], "eps") < Fraction(1, 10**100)):
                continue
            with mp.workdps(digits):
                got = naive[c["op"]](a)
                got = got if isinstance(got, list) else [got]
                want = c["value"] if isinstance(c["value"], list) else [c["value"]]
                for x, y in zip(got, want):
                    if y == "0":
                        assert abs(x) < mpf(10) ** -800, (c["id"], x)
                    else:
                        with mp.workdps(digits - 100):
                            assert round_mpf(x) == y, (c["id"], mpmath.nstr(x, 60), y)
            checked += 1
    print(f"--naive: {checked} cases agree with the textbook formulas at {digits} digits")


def main():
    """Build the groups in parallel (each is deterministic on its own), write them, validate."""
    t0 = time.time()
    if sys.argv[1:] == ["--naive"]:
        naive_recheck()
        return
    if sys.argv[1:] == ["--check"]:
        paths = [os.path.join(HERE, f) for f, _ in GROUPS]
        used = validate_files(paths)
        print(f"{len(paths)} files valid ({'jsonschema + structural check' if used else 'structural check only'})")
        return
    only = set(sys.argv[1:])
    # the slowest groups first, so that the worker processes finish at about the same time
    order = ["uniform.json", "random.json", "spiky.json", "bounds.json"]
    names = [f for f in order if f in dict(GROUPS)] + [f for f, _ in GROUPS if f not in order]
    names = [f for f in names if not only or f in only or f[:-5] in only]
    workers = min(len(names), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = {fname: res for fname, *res in pool.map(build_group, names)}
    written, summary, escalations = [], [], []
    for fname, _ in GROUPS:
        if fname not in results:
            continue
        obj, esc, secs = results[fname]
        text = dump(obj)
        path = os.path.join(HERE, fname)
        with open(path, "w") as f:
            f.write(text)
        written.append(path)
        escalations += esc
        ops = {}
        for c in obj["cases"]:
            ops[c["op"]] = ops.get(c["op"], 0) + 1
        summary.append((fname, len(obj["cases"]), len(text.encode()), secs, ops))
    used_jsonschema = validate_files(written)
    print(f"{'file':18s} {'cases':>6s} {'KiB':>9s} {'sec':>7s}  ops")
    for fname, n, size, secs, ops in summary:
        print(f"{fname:18s} {n:6d} {size / 1024:9.1f} {secs:7.1f}  " + ", ".join(f"{k}:{v}" for k, v in sorted(ops.items())))
    total_cases = sum(s[1] for s in summary)
    total_bytes = sum(s[2] for s in summary)
    print(f"{'total':18s} {total_cases:6d} {total_bytes / 1024:9.1f} {time.time() - t0:7.1f}  (wall clock, {workers} processes)")
    print(f"schema validation: {'jsonschema + structural check' if used_jsonschema else 'structural check only'}")
    if escalations:
        print(f"{len(escalations)} case(s) needed more than the first precision pair:")
        for cid, pair in escalations:
            print(f"  {cid}: agreed at dps {pair}")
    else:
        print(f"every case agreed at the first precision pair {PRECISION_LADDER[0]}")


if __name__ == "__main__":
    main()
