# @bug log(0) "avoided" by clipping the best-of-n probabilities at 1e-300 but not p: a zero mass gives Infinity
# @op klBon
# @caught-in zero-mass
# @right-in standard, large-n, tiny, ties, large-L
# @classes zero-mass: zero-mass/non-finite
#
# KL = sum_k P_k (log P_k - log g_k) over reward levels, with P clipped so that log P is finite. A level of zero
# mass has P = 0 -> 1e-300 and log g = -inf: the term is +inf, and json.dumps writes Infinity. Clipped
# underflowed levels of positive mass add about 1e-297, far below every tolerance.
import numpy as np

from _serve import serve


def kl_bon(args):
    p = np.asarray(args["p"], dtype=np.float64)
    n = args["n"]
    r = np.asarray(args["r"]) if "r" in args else np.arange(len(p))
    _, level = np.unique(r, return_inverse=True)
    g = np.bincount(level, weights=p / p.sum())
    F = np.cumsum(g)
    F_minus = np.concatenate(([0.0], F[:-1]))
    P = np.clip(F**n - F_minus**n, 1e-300, None)  # BUG: g = 0 is not handled
    with np.errstate(divide="ignore"):
        return float(np.sum(P * (np.log(P) - np.log(g))))


serve({"klBon": kl_bon})
