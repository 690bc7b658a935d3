// A bonkl module subject: your implementation of the best-of-n quantities, checked by
//
//   npx bonkl check --subject ./subject.mjs
//
// (made by `npx bonkl init js > subject.mjs`; the contract is spec/protocol.md in the bonkl package).
//
// How bonkl calls this module:
//   - One export per op of the subject protocol. bonkl calls it with the request's `args` object (a fresh copy;
//     do not rely on changing it) and takes the return value, or the resolved value of a returned promise.
//   - The module runs in a worker thread; a call that never returns is stopped after --timeout ms (10 s).
//   - `capabilities` lists the ops bonkl should check. Without this export bonkl checks every op exported below.
//
// Values:
//   - A JS number is a float64, and bonkl grades float64 answers with the tolerance model of spec/conformance.md
//     (a few hundred ulps, scaled by the conditioning of each quantity). NaN, Infinity, null and undefined are
//     wrong answers, never "close enough". bonPmf returns a plain Array with one number per entry of p (turn a
//     Float64Array into one with Array.from).
//   - For more than float64 precision, return a decimal string such as "0.1308120340412760512".
//   - bonkl sends args as JSON numbers. Invalid input comes as such too (n = 1.5, p[2] = -0.25) or as the strings
//     "NaN", "Infinity" and null where a number should be: bonkl's `invalid` domain counts how many you reject.
//
// Errors:
//   - Throw an Error for invalid input. Its message is shown in bonkl's report: name the field and the value,
//     e.g. "p[3]: must be a finite non-negative number, got -0.1".
//   - Throw an Error whose message begins with "unsupported" (e.g. "unsupported: r") for an input or op you do
//     not handle: bonkl reports those cases as skipped, not failed.
//
// Conventions (spec/protocol.md): natural logs; n is an integer in [1, 2^53 - 1]; p is normalised by its sum,
// which must be 1 within 1e-6 (zero entries allowed); without r, p is listed in increasing reward order; with r,
// rewards may come in any order and tie (the winner is uniform among tied maximal draws); 0 log 0 = 0.
//
// Below, klFormula is implemented as a worked example; every other op answers "unsupported" until you fill it in
// (and add it to `capabilities`). examples/js/subject.mjs in the bonkl package implements all of them in float64.

/** The ops bonkl should check: add each op here once it is implemented. */
export function capabilities() {
  return ["klFormula"];
}

/** A positive integer n up to 2^53 - 1, or an Error naming the field. */
function readN(n) {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`n: must be a positive integer no larger than 2^53 - 1, got ${JSON.stringify(n)}`);
  }
  return n;
}

/** klFormula {n}: the analytical formula log n - (n-1)/n of Eq. (5), an upper bound on the KL (Theorem 1). */
export function klFormula(args) {
  const n = readN(args.n);
  return n === 1 ? 0 : Math.log(n) - (n - 1) / n;
}

/** bonPmf {p, n, r?}: pi_n for each outcome of p, same order (Lemma 1). Returns an array of numbers. */
export function bonPmf(args) {
  throw new Error("unsupported: bonPmf is not implemented yet");
}

/** klBon {p, n, r?}: KL(pi_n || p) in nats, Eq. (3). */
export function klBon(args) {
  throw new Error("unsupported: klBon is not implemented yet");
}

/** klEstimate {n, eps} or {n, logEps}: the estimator KLhat(eps) of Eq. (28). Exactly one of eps, logEps is given. */
export function klEstimate(args) {
  throw new Error("unsupported: klEstimate is not implemented yet");
}

/** klEstimateUpper {n, eps} or {n, logEps}: the estimator KLhat_1(eps) = log((1 - (1 - eps)^n) / eps), Eq. (26). */
export function klEstimateUpper(args) {
  throw new Error("unsupported: klEstimateUpper is not implemented yet");
}

/** renyi2 {p}: the Renyi entropy of order 2 in nats, -log sum q_i^2 with q = p / sum(p), Eq. (18). */
export function renyi2(args) {
  throw new Error("unsupported: renyi2 is not implemented yet");
}
