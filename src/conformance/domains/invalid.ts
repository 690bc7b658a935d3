/**
 * The invalid domain (informational): inputs the protocol declares invalid (spec/protocol.md). A subject should
 * answer an error, not a number; what it does is reported and never fails a run.
 */
import fc from "fast-check";
import type { Case } from "../case.ts";
import { normalise, weights } from "../arbitraries/weights.ts";
import type { CaseFamily, Domain } from "./domain.ts";

/** Values of n that are not positive integers up to 2^53 - 1. */
const BAD_N: readonly number[] = [0, 1.5, 2 ** 53, -1];

const base = fc.record({ w: weights(9, 1, 10), n: fc.integer({ min: 1, max: 100 }) }).map(({ w, n }) => ({ p: normalise(w), n }));

/** Corruptions of p shared by the distribution ops and renyi2. */
function badMasses(): fc.Arbitrary<{ p: unknown[]; n: number; what: string }> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ b: base, i: at }).map(({ b, i }) => {
      const k = i % b.p.length;
      const p: unknown[] = [...b.p];
      p[k] = -(b.p[k] as number);
      return { p, n: b.n, what: `negative mass p[${k}]` };
    }),
    fc.record({ b: base, i: at, token: fc.constantFrom<unknown>("NaN", null, "Infinity") }).map(({ b, i, token }) => {
      const k = i % b.p.length;
      const p: unknown[] = [...b.p];
      p[k] = token;
      return { p, n: b.n, what: `p[${k}] = ${JSON.stringify(token)}` };
    }),
    fc.integer({ min: 1, max: 100 }).map((n) => ({ p: [], n, what: "empty p" })),
    fc.record({ b: base, off: fc.constantFrom(1e-5, 1e-3, 0.1, 0.5, 1), sign: fc.constantFrom(1, -1) }).map(({ b, off, sign }) => {
      const scale = 1 + sign * Math.min(off, 0.5);
      return { p: b.p.map((x) => x * scale), n: b.n, what: `sum(p) = ${scale} (off by more than 1e-6)` };
    }),
  );
}

/** Invalid bonPmf / klBon args. */
const badDistributions: fc.Arbitrary<Case> = fc
  .oneof(
    badMasses().map(({ p, n, what }) => ({ args: { p, n } as Record<string, unknown>, label: what })),
    fc.record({ b: base, longer: fc.boolean() }).map(({ b, longer }) => {
      const length = longer ? b.p.length + 1 : b.p.length - 1;
      const r = Array.from({ length }, (_, i) => i);
      return { args: { p: b.p, n: b.n, r } as Record<string, unknown>, label: `r of length ${length} for L=${b.p.length}` };
    }),
    fc.record({ b: base, n: fc.constantFrom(...BAD_N) }).map(({ b, n }) => ({ args: { p: b.p, n } as Record<string, unknown>, label: `n = ${n}` })),
  )
  .map((c): Case => c);

const badRenyi: fc.Arbitrary<Case> = badMasses().map(({ p, what }): Case => ({ args: { p }, label: what }));

const badFormula: fc.Arbitrary<Case> = fc.constantFrom(...BAD_N).map((n): Case => ({ args: { n }, label: `n = ${n}` }));

const badEstimator: fc.Arbitrary<Case> = fc.oneof(
  fc.constantFrom(...BAD_N).map((n): Case => ({ args: { n, eps: 0.5 }, label: `n = ${n}` })),
  fc.constantFrom(0, -0.25, 1 + 2 ** -52, 2).map((eps): Case => ({ args: { n: 10, eps }, label: `eps = ${eps}` })),
  fc.constantFrom(2 ** -50, 0.5, 3).map((logEps): Case => ({ args: { n: 10, logEps }, label: `logEps = ${logEps} > 0` })),
  fc.constant<Case>({ args: { n: 10, eps: 0.5, logEps: Math.log(0.5) }, label: "both eps and logEps" }),
  fc.constant<Case>({ args: { n: 10 }, label: "neither eps nor logEps" }),
);

function family(group: string, arbitrary: fc.Arbitrary<Case>): CaseFamily {
  return { group, arbitrary };
}

export const invalidDomain: Domain = {
  name: "invalid",
  summary: "invalid inputs (informational: does the subject answer an error?)",
  purpose: "Inputs that spec/protocol.md declares invalid. The question is only whether the subject answers an error rather than a number; the verdict is INFO and never fails a run. (The test suite checks that the oracle rejects every case.)",
  box: [
    "bonPmf, klBon: a valid case (L in [1, 10], n in [1, 100]) with one defect: a negative mass; a mass \"NaN\", null or \"Infinity\"; p = []; p scaled so |sum - 1| >= 1e-5; r one entry longer or shorter than p; n in {0, 1.5, 2^53, -1}",
    "renyi2: the same defects of p",
    "klFormula: n in {0, 1.5, 2^53, -1}",
    "estimators: bad n with eps = 0.5; eps in {0, -0.25, 1 + 2^-52, 2}; logEps in {2^-50, 0.5, 3}; both eps and logEps; neither",
    "verdict INFO: counts of error answers (expected) and numbers (accepted); never fails a run",
  ],
  kind: "invalid",
  share: 1,
  ops: {
    bonPmf: family("distribution", badDistributions),
    klBon: family("distribution", badDistributions),
    klFormula: family("formula", badFormula),
    klEstimate: family("estimator", badEstimator),
    klEstimateUpper: family("estimator", badEstimator),
    renyi2: family("renyi", badRenyi),
  },
};
