# @bug off-by-one in F_-: F_minus = F[i - 1] reads F[-1] = 1 (Python's last element) for the lowest outcome
# @op bonPmf
# @caught-in standard
# @right-in none
# @classes standard: in-order/value
#
# The CDF one step down, written with numpy fancy indexing and no leading 0: the lowest outcome's F_- wraps to
# the total mass, so pi_0 = F_0^n - 1 (negative) and the PMF no longer sums to 1.
import numpy as np

from _serve import serve


def bon_pmf(args):
    p = np.asarray(args["p"], dtype=np.float64)
    n = args["n"]
    F = np.cumsum(p / p.sum())
    F_minus = F[np.arange(len(F)) - 1]  # BUG: should be np.concatenate(([0.0], F[:-1]))
    return (F**n - F_minus**n).tolist()


serve({"bonPmf": bon_pmf})
