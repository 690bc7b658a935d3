"""Reference timing for the bench: KL(pi_n || p) with mpmath at a given number of digits (uncertified).

Reads JSON {"p": [...], "n": int, "dps": int, "repeat": int} on stdin, where each p entry is a JSON number (its
exact binary64 value, as bonkl reads it) or a ratio string "w/total". Prints JSON {"seconds": best time,
"value": the result with dps digits, "dps": dps, "backend": mpmath's arithmetic backend ("python" or "gmpy")}.

The algorithm is the straightforward one of the toolchain notes: one ln and one exp per F_i^n, one ln per KL term,
with p normalised by its sum as bonkl does. The timed part starts from the parsed inputs (Python floats or
integer pairs) and includes their conversion to mpf.
"""
import json
import sys
import time

import mpmath as mp


def to_mpf(x):
    if isinstance(x, str):
        a, b = x.split("/")
        return mp.mpf(int(a)) / int(b)
    return mp.mpf(x)  # a Python float converts exactly


def kl(raw, n):
    p = [to_mpf(x) for x in raw]
    total = mp.fsum(p)
    F = mp.mpf(0)
    prev = mp.mpf(0)
    s = mp.mpf(0)
    for x in p:
        if x == 0:
            continue
        F += x
        cur = mp.exp(n * mp.log(F / total))
        pi = cur - prev
        prev = cur
        if pi > 0:
            s += pi * mp.log(pi * total / x)
    return s


def main():
    job = json.load(sys.stdin)
    mp.mp.dps = job["dps"]
    best = None
    value = None
    for _ in range(job.get("repeat", 3)):
        t = time.perf_counter()
        value = kl(job["p"], job["n"])
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    print(json.dumps({"seconds": best, "value": mp.nstr(value, job["dps"]), "dps": job["dps"], "backend": mp.libmp.BACKEND}))


if __name__ == "__main__":
    main()
