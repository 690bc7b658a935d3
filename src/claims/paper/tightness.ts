/**
 * How tight each claim is (properties/tightness.test.ts checks it; spec/claims.md shows it): where the bound is
 * attained in the limit, a family of cases along which the slack decreases to 0 (a weakened transcription, with a
 * constant changed or a term dropped, would keep it away from 0); where it is loose, the supremum of lhs / rhs and the
 * cases that reach it (a wrong constant would move it). Kept apart from the claim definitions (as derivations.ts).
 */
import { Interval } from "../../numerics/interval.ts";
import type { Tightness } from "../claim.ts";
import type { BonCase, EpsCase } from "../arbitraries/cases.ts";
import type { DistributionCase } from "../arbitraries/distributions.ts";
import type { MixtureCase, UnboundedCase } from "./section3.ts";

function uniform(L: number): DistributionCase {
  return { p: Array<string>(L).fill(`1/${L}`), label: `uniform L=${L}` };
}

/** Uniform on L outcomes in L/2 reward levels of two tied outcomes each. */
function uniformPairs(L: number): DistributionCase {
  return { p: Array<string>(L).fill(`1/${L}`), r: Array.from({ length: L }, (_, i) => i >> 1), label: `uniform L=${L}, rewards in ${L / 2} level(s)` };
}

/** Mass 1/2 at the top, the other half spread uniformly over L outcomes below it (tied in pairs when `ties`). */
function halfOnTop(L: number, ties = false): DistributionCase {
  const p = [...Array<string>(L).fill(`1/${2 * L}`), "1/2"];
  return ties
    ? { p, r: [...Array.from({ length: L }, (_, i) => i >> 1), L], label: `top 1/2, below uniform on ${L} in pairs of ties` }
    : { p, label: `top 1/2, below uniform on ${L}` };
}

const HALF_HALF: DistributionCase = uniform(2);
const POINT_MASS: DistributionCase = { p: ["1"], label: "point mass" };

const atN = (dist: DistributionCase, ns: readonly number[]): BonCase[] => ns.map((n) => ({ dist, n }));
const atL = (make: (L: number) => DistributionCase, Ls: readonly number[], n: number): BonCase[] => Ls.map((L) => ({ dist: make(L), n }));
const LARGE_N = [8, 64, 512];
const LARGE_L = [10, 100, 1000];

/** Theorem 2 and Corollary 2: gap / bound <= (ln 2 - 1/2)/4, reached by a point mass at n = 2 (gap log 2 - 1/2, bound 4). */
const THM2_SUPREMUM: Tightness<BonCase> = {
  kind: "loose",
  description:
    "gap / bound never exceeds (ln 2 - 1/2)/4 = 0.0482868: a point mass at n = 2 reaches it (gap log 2 - 1/2, bound 2 n (n-1) = 4); the bound is about 20 times the gap at best",
  supremum: { text: "(ln 2 - 1/2)/4", value: (arena) => Interval.fromDouble(arena, 2).log().addDouble(-0.5).scale(0.25) },
  at: [{ dist: POINT_MASS, n: 2 }],
  within: 0,
};

/** Claims attained in the limit n -> infinity on p = (1/2, 1/2): their slack is O(q) = O(2^-n). */
function largeN(what: string, below: number): Tightness<BonCase> {
  return { kind: "attained", description: `${what}: on p = (1/2, 1/2) the slack is O(2^-n) up to factors in n; n = ${LARGE_N.join(", ")}`, family: atN(HALF_HALF, LARGE_N), below };
}

export const tightness: Readonly<Record<string, Tightness<any>>> = {
  "lemma1.pmf-nonnegative": {
    kind: "attained",
    description: "the smallest pi_n(y) tends to 0: on p = (1/2, 1/2) it is 2^-n; n = 8, 64, 512",
    family: atN(HALF_HALF, LARGE_N),
    below: 1e-150,
  } satisfies Tightness<BonCase>,
  "thm1.kl-le-formula": {
    kind: "attained",
    description: "the gap tends to 0 as the mass spreads: uniform p on L = 10, 100, 1000 outcomes, n = 2",
    family: atL(uniform, LARGE_L, 2),
    below: 1e-6,
  } satisfies Tightness<BonCase>,
  "thm1.kl-le-formula+ties": {
    kind: "attained",
    description: "as Theorem 1, with outcomes tied in pairs: uniform p on L = 20, 200, 2000 outcomes in L/2 levels, n = 2",
    family: atL(uniformPairs, [20, 200, 2000], 2),
    below: 1e-6,
  } satisfies Tightness<BonCase>,
  "cor1.mixture-kl-le-formula": {
    kind: "attained",
    description: "one prompt, uniform p on L = 10, 100, 1000 outcomes, n = 2: as Theorem 1",
    family: LARGE_L.map((L) => ({ components: [{ weight: 1, dist: uniform(L) }], n: 2 })),
    below: 1e-6,
  } satisfies Tightness<MixtureCase>,
  "thm2.gap-le-renyi2": THM2_SUPREMUM,
  "thm2.gap-le-renyi2+ties-per-level": THM2_SUPREMUM,
  "cor2.gap-le-delta": THM2_SUPREMUM,
  "cor2.gap-le-delta+ties-per-level": THM2_SUPREMUM,
  "thm3.gap-ge-bound": {
    kind: "attained",
    description: "the slack q gap(p') tends to 0 as the mass below the top spreads: top 1/2 and the other 1/2 uniform on L = 10, 100, 1000 outcomes, n = 2 (slack gap(uniform L)/4)",
    family: atL((L) => halfOnTop(L), LARGE_L, 2),
    below: 1e-6,
  } satisfies Tightness<BonCase>,
  "thm3.gap-ge-bound+ties": {
    kind: "attained",
    description: "as Theorem 3, the outcomes below the top tied in pairs: L = 20, 200, 2000, n = 2",
    family: atL((L) => halfOnTop(L, true), [20, 200, 2000], 2),
    below: 1e-6,
  } satisfies Tightness<BonCase>,
  "thm3.bound-nonnegative": {
    kind: "attained",
    description: "A(e, n) tends to 0 as e -> 0, like (1 - 1/n)^2 (n e)^3 / 24: n = 2, e = 1e-2, 1e-4, 1e-8",
    family: ["1e-2", "1e-4", "1e-8"].map((eps) => ({ eps, n: 2 })),
    below: 1e-24,
  } satisfies Tightness<EpsCase>,
  "cor3.gap-ge-bound": {
    kind: "attained",
    description: "the slack tends to 0 like 1/n: p = (1/2, 1/2), n = 10, 100, 1000 (A - C = 1/n + O(e^{-n/2} log n), gap - A = O(2^-n))",
    family: atN(HALF_HALF, [10, 100, 1000]),
    below: 2e-3,
  } satisfies Tightness<BonCase>,
  "cor3.gap-ge-bound+ties": {
    kind: "attained",
    description: "as Corollary 3, with two tied outcomes below the top: p = (1/4, 1/4, 1/2), n = 10, 100, 1000",
    family: atN({ p: ["1/4", "1/4", "1/2"], r: [0, 0, 1], label: "two tied below the top 1/2" }, [10, 100, 1000]),
    below: 2e-3,
  } satisfies Tightness<BonCase>,
  "cor3.gap-unbounded": {
    kind: "loose",
    description:
      "M / gap tends to 1 at the threshold but the gap stays about 1 above M there (gap ~ log(n e) - 1 = M + 1): a point mass at n = ceil(e^{M+2}), M = 8, 16, 32",
    supremum: { text: "1", value: (arena) => Interval.fromDouble(arena, 1) },
    at: [8, 16, 32].map((M) => ({ dist: POINT_MASS, n: Math.ceil(Math.exp(M + 2) * (1 + 1e-9)), M })),
    within: 0.04,
  } satisfies Tightness<UnboundedCase>,
  "lemma2.pmf-le-drawn-at-least-once": {
    kind: "attained",
    description: "the outcome just below the top: p = (1/2 - d, 1/2, d), n = 2, its slack is exactly d; d = 1e-2, 1e-4, 1e-8",
    family: [2, 4, 8].map((k) => ({ dist: { p: [`${5 * 10 ** (k - 1) - 1}/${10 ** k}`, "1/2", `1e-${k}`], label: `(1/2 - 1e-${k}, 1/2, 1e-${k})` }, n: 2 })),
    below: 1e-7,
  } satisfies Tightness<BonCase>,
  "lemma2.kl-le-expected-upper": largeN("Lemma 2's slack (a sum of pi(y) log((1 - (1 - p(y))^n)/pi(y)) below the top)", 1e-150),
  "lemma2.kl-le-expected-upper+ties": largeN("as Lemma 2", 1e-150),
  "conj.expected-estimate-ge-kl": largeN("the slack q B of the conjecture", 1e-150),
  "conj.expected-upper-minus-kl-le-fraction": {
    kind: "attained",
    description: "the looseness tends to (n-1)/n as n delta -> 0 (ours.upper-looseness-tends-to-fraction): uniform p on L = 10, 100, 1000 outcomes, n = 2",
    family: atL(uniform, LARGE_L, 2),
    below: 1e-3,
  } satisfies Tightness<BonCase>,
  "ours.upper-looseness-tends-to-fraction": {
    kind: "attained",
    description: "uniform p on L = 10, 100, 1000 outcomes, n = 2: the lower bound ((n-1)/n)(1 - n delta) and the looseness both tend to (n-1)/n",
    family: atL(uniform, LARGE_L, 2),
    below: 1e-3,
  } satisfies Tightness<BonCase>,
  "ours.estimate-le-upper": {
    kind: "attained",
    description: "KLhat_1 - KLhat = q [...] tends to 0 with q = (1 - e)^n: e = 1/2, n = 8, 64, 512",
    family: LARGE_N.map((n) => ({ eps: "5e-1", n })),
    below: 1e-150,
  } satisfies Tightness<EpsCase>,
  "fig2.uniform-kl-le-log-L": largeN("log L - KL = H(pi_n) tends to 0 as pi_n concentrates on the top", 1e-150),
  "ours.kl-nondecreasing-in-n": largeN("the increments of KL in n", 1e-150),
  "ours.kl-le-log-inv-eps-inf": largeN("log(1/e_inf) - KL", 1e-150),
  "ours.kl-tends-to-log-inv-eps-inf": {
    kind: "attained",
    description: "the slack q KL(pi_n' || p') is exactly 0 with two reward levels, and tends to 0 with three: uniform p on 3 outcomes (q = (2/3)^n), n = 8, 64, 512",
    family: atN(uniform(3), LARGE_N),
    below: 1e-80,
  } satisfies Tightness<BonCase>,
};
