"""Reference timing for the bench: KL(pi_n || p) with mpmath at a given number of digits (uncertified).

Reads JSON {"p": ["w/total", ...], "n": int, "dps": int, "repeat": int} on stdin, prints JSON
{"seconds": best time, "value": str}. The algorithm is the straightforward one of the toolchain notes: one
ln and one exp per F_i^n, one ln per KL term.
"""
import json
import sys
import time

import mpmath as mp


def kl(p, n):
    F = mp.mpf(0)
    prev = mp.mpf(0)
    s = mp.mpf(0)
    for x in p:
        F += x
        cur = mp.exp(n * mp.log(F)) if F < 1 else mp.mpf(1)
        pi = cur - prev
        prev = cur
        if pi > 0:
            s += pi * mp.log(pi / x)
    return s


def main():
    job = json.load(sys.stdin)
    mp.mp.dps = job["dps"]
    p = [mp.mpf(int(a)) / int(b) for a, b in (x.split("/") for x in job["p"])]
    best = None
    value = None
    for _ in range(job.get("repeat", 3)):
        t = time.perf_counter()
        value = kl(p, job["n"])
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    print(json.dumps({"seconds": best, "value": mp.nstr(value, 40)}))


if __name__ == "__main__":
    main()
