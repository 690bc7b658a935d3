# @bug numpy float32 dtype for the whole computation (as a tensor library's default)
# @op klBon
# @caught-in standard
# @right-in none
# @classes standard: in-order/value
#
# np.asarray(p, dtype=np.float32): 24-bit arithmetic throughout, relative errors near 6e-8 where the
# tolerance allows about 64 u = 7e-15.
import numpy as np

from _serve import serve


def kl_bon(args):
    p = np.asarray(args["p"], dtype=np.float32)  # BUG
    n = args["n"]
    q = p / p.sum()
    F = np.cumsum(q)
    F_minus = np.concatenate((np.zeros(1, dtype=np.float32), F[:-1]))
    pi = F**n - F_minus**n
    keep = pi > 0
    return float(np.sum(pi[keep] * np.log(pi[keep] / q[keep])))


serve({"klBon": kl_bon})
