// Best-of-n quantities in float64, as a bonkl module subject (spec/protocol.md, "A JS/TS module").
//
// Beirami et al., "Theoretical guarantees on the best-of-n alignment policy": drawing n outcomes from a base
// policy p and keeping the one with the highest reward gives the best-of-n policy pi_n (Lemma 1). This module
// exports one function per protocol op; each takes the protocol's `args` object and returns the value, or
// throws an Error for invalid input (its message names the field, e.g. "p[3]: must be a finite non-negative
// number, got -0.1"). Arguments written as decimal strings (exact values) are declined with "unsupported: ...",
// which bonkl reports as skipped. Check it with
//
//   npx bonkl check --subject examples/js/subject.mjs
//
// It is self-contained (no imports) and independent of bonkl's own float library (src/float).
//
// Numerics (the pitfalls a direct transcription of the formulas falls into):
//   - pi_n of reward level k is P_k = F_k^n - F_{k-1}^n (F_k = mass at or below level k), evaluated as
//       P_k = exp(n log F_k) * -expm1(n log(F_{k-1} / F_k))
//     with no cancellation, where F^n - F_prev^n would lose every digit for a small mass under a large n.
//   - log F_k near F_k = 1 is log1p(-U_k), U_k = mass strictly above level k summed from the top: 1 - F is never
//     formed by subtraction.  log(F_{k-1} / F_k) = log1p(-g_k / F_k) for a level that is a small share of F_k.
//   - Powers are taken in log space: F^n underflows to 0 only when its true value is below 1e-323.
//   - KL = sum_k P_k log(P_k / g_k) per level (within a tie group pi_i / p_i is the same for every member),
//     log(P_k / g_k) built from the logs above with log1p forms where a level holds more than half the mass, and
//     the terms added with a compensated (Neumaier) sum: a KL near 0 keeps its relative accuracy.
//   - Estimators: y = n log(1 - eps), (1 - eps)^n = exp(y), 1 - (1 - eps)^n = -expm1(y); for tiny eps they are
//     evaluated from log eps, so eps = exp(logEps) may underflow (logEps = -1e5) without harm.
//   - 0 log 0 = 0: n = 1 or eps = 1 give exactly 0; zero masses get exactly 0.

const MAX_N = Number.MAX_SAFE_INTEGER; // n is a positive integer up to 2^53 - 1
const SUM_TOLERANCE = 1e-6; // |sum(p) - 1| above this is invalid input
const LOG_HALF = Math.log(0.5);
const SMALL_EPS = 2 ** -20; // eps below this: the estimators in log form (see klEstimateUpperAt)
// A decimal string (or a ratio "a/b" with b > 0): an exact value this float64 subject does not take. It is
// declined as unsupported without a range check; a malformed string ("NaN", "1/0", "0.5x") is invalid.
const DECIMAL_STRING = /^\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+\s*\/\s*0*[1-9]\d*)\s*$/;

// ---------------------------------------------------------------------------------------------------------------
// Input checks

function show(value) {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function invalid(field, reason, ...value) {
  throw new Error(`${field}: ${reason}${value.length > 0 ? `, got ${show(value[0])}` : ""}`);
}

class Unsupported extends Error {}

/** A finite JSON number; a decimal string is unsupported, anything else invalid. */
function readNumber(value, field, reason = "must be a finite number") {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && DECIMAL_STRING.test(value)) {
    throw new Unsupported(`unsupported: ${field} given as a decimal string (this subject computes in float64)`);
  }
  return invalid(field, reason, value);
}

/**
 * An array of finite JSON numbers as a Float64Array, each entry passing `valid`. The first invalid entry is
 * reported; only when every entry is valid or a decimal string is the first decimal string declined.
 */
function readArray(values, field, reason, valid) {
  if (!Array.isArray(values) || values.length === 0) invalid(field, "must be a non-empty array of numbers", values);
  const out = new Float64Array(values.length);
  let unsupported = null;
  for (let i = 0; i < values.length; i++) {
    try {
      out[i] = readNumber(values[i], `${field}[${i}]`, reason);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      unsupported ??= error;
      continue;
    }
    if (!valid(out[i])) invalid(`${field}[${i}]`, reason, values[i]);
  }
  if (unsupported !== null) throw unsupported;
  return out;
}

function readN(n) {
  if (typeof n === "string" && DECIMAL_STRING.test(n)) throw new Unsupported("unsupported: n given as a decimal string");
  if (!Number.isSafeInteger(n) || n < 1) invalid("n", `must be a positive integer no larger than ${MAX_N}`, n);
  return n;
}

/** Compensated (Neumaier) sum of an array of numbers. */
function sum(values) {
  let s = 0;
  let c = 0;
  for (const v of values) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** p as a Float64Array (unnormalised) and its sum; entries finite and >= 0, sum within 1e-6 of 1. */
function readMasses(p) {
  const w = readArray(p, "p", "must be a finite non-negative number", (v) => v >= 0);
  const total = sum(w);
  if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) invalid("p", `must sum to 1 within ${SUM_TOLERANCE} (its sum is ${total})`);
  return { w, total };
}

function readRewards(r, length) {
  if (!Array.isArray(r) || r.length !== length) invalid("r", `must be an array of ${length} numbers, one per entry of p`, r);
  return readArray(r, "r", "must be a finite number", () => true);
}

/**
 * The estimators' point from {eps} or {logEps}: eps, log eps, delta = 1 - eps and log(1 - eps), each accurate.
 * From eps, 1 - eps is exact for eps >= 1/2 and then log eps = log1p(-delta); from logEps, eps = exp(logEps)
 * may underflow to 0 and delta = -expm1(logEps) is accurate however close eps is to 1.
 */
function readEps(args) {
  const hasEps = args.eps !== undefined;
  const hasLog = args.logEps !== undefined;
  if (hasEps && hasLog) invalid("eps", "give exactly one of eps and logEps, not both");
  let eps;
  let logEps;
  let delta;
  if (hasEps) {
    eps = readNumber(args.eps, "eps", "must be a number in (0, 1]");
    if (!(eps > 0 && eps <= 1)) invalid("eps", "must be a number in (0, 1]", args.eps);
    delta = 1 - eps;
    logEps = eps >= 0.5 ? Math.log1p(-delta) : Math.log(eps);
  } else if (hasLog) {
    logEps = readNumber(args.logEps, "logEps", "must be a finite number <= 0");
    if (!(logEps <= 0)) invalid("logEps", "must be a finite number <= 0", args.logEps);
    eps = Math.exp(logEps);
    delta = -Math.expm1(logEps);
  } else {
    invalid("eps", "give exactly one of eps and logEps");
  }
  const logOneMinus = eps < 0.5 ? Math.log1p(-eps) : Math.log(delta); // -Infinity for eps = 1
  return { eps, logEps, delta, logOneMinus };
}

// ---------------------------------------------------------------------------------------------------------------
// Best-of-n by reward level

/**
 * Reward levels: their masses g in increasing reward order and each outcome's level. Without r every outcome is
 * its own level (listing order); with r, outcomes are sorted by reward and equal rewards (-0 and 0 included)
 * share a level.
 */
function rewardLevels(w, r) {
  if (r === null) return { g: w, levelOf: Int32Array.from(w, (_, i) => i) };
  const order = Array.from(w, (_, i) => i).sort((i, j) => r[i] - r[j]);
  const levelOf = new Int32Array(w.length);
  const masses = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (j === 0 || r[i] !== r[order[j - 1]]) masses.push([]);
    masses[masses.length - 1].push(w[i]);
    levelOf[i] = masses.length - 1;
  }
  return { g: Float64Array.from(masses, sum), levelOf };
}

/** Compensated (Neumaier) prefix sums: each accurate to about an ulp rather than k ulps. */
function prefixSums(values) {
  const out = new Float64Array(values.length);
  let s = 0;
  let c = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
    out[k] = s + c;
  }
  return out;
}

/**
 * For level masses g (unnormalised, increasing reward), their sum and n >= 2: the level probabilities
 * P_k = F_k^n - F_{k-1}^n and logRatio_k = log(P_k / (g_k / total)). Zero-mass levels get P_k = 0.
 */
function sweep(g, n, total) {
  const count = g.length;
  const below = prefixSums(g); // F_k: mass at or below level k
  const above = prefixSums(g.slice().reverse()).reverse(); // mass at or above level k ...
  above.copyWithin(0, 1); // ... shifted: U_k = mass strictly above level k
  above[count - 1] = 0;
  const prob = new Float64Array(count);
  const logRatio = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    if (g[k] === 0) continue;
    const prev = k > 0 ? below[k - 1] : 0;
    // log F_k (normalised): log1p of the tail near F_k = 1 (exactly 0 at the top), log of F_k otherwise
    const logF = below[k] >= 0.5 * total ? Math.log1p(-above[k] / total) : Math.log(below[k] / total);
    const a = n * logF; // log F_k^n
    const x = g[k] / below[k]; // the level's share of F_k
    const d = x < 0.5 ? Math.log1p(-x) : Math.log(prev / below[k]); // log(F_{k-1} / F_k), -Infinity at the bottom
    const y = n * d; // log (F_{k-1} / F_k)^n
    const m = -Math.expm1(y); // 1 - (F_{k-1} / F_k)^n
    prob[k] = Math.exp(a) * m;
    // log(P_k / g_k) = a + log m - log g_k, with log1p forms where m or g_k / total is above 1/2
    const logM = y < LOG_HALF ? Math.log1p(-Math.exp(y)) : Math.log(m);
    const share = g[k] / total;
    const logG = share > 0.5 ? Math.log1p(-(prev + above[k]) / total) : Math.log(share);
    logRatio[k] = a + logM - logG;
  }
  return { prob, logRatio };
}

function distribution(args) {
  const { w, total } = readMasses(args.p);
  const n = readN(args.n);
  const r = args.r === undefined || args.r === null ? null : readRewards(args.r, w.length);
  return { w, total, n, r };
}

/** The op names this module implements. */
export function capabilities() {
  return ["bonPmf", "klBon", "klFormula", "klEstimate", "klEstimateUpper", "renyi2"];
}

/** pi_n for each outcome of p, same order (Lemma 1; a tie group's probability split in proportion to p_i). */
export function bonPmf(args) {
  const { w, total, n, r } = distribution(args);
  if (n === 1) return Array.from(w, (v) => v / total);
  const { g, levelOf } = rewardLevels(w, r);
  const { prob } = sweep(g, n, total);
  return Array.from(w, (v, i) => (v === 0 ? 0 : prob[levelOf[i]] * (v / g[levelOf[i]])));
}

/** KL(pi_n || p) in nats, Eq. (3), as sum_k P_k log(P_k / g_k) over reward levels. */
export function klBon(args) {
  const { w, total, n, r } = distribution(args);
  if (n === 1) return 0;
  const { g } = rewardLevels(w, r);
  const { prob, logRatio } = sweep(g, n, total);
  const terms = [];
  for (let k = 0; k < g.length; k++) if (prob[k] > 0) terms.push(prob[k] * logRatio[k]); // 0 log 0 = 0
  return Math.max(sum(terms), 0); // KL >= 0: a rounding-level negative value of a KL ~ 0 is 0
}

function formula(n) {
  return n === 1 ? 0 : Math.log(n) - (n - 1) / n;
}

/** The analytical formula log n - (n-1)/n, Eq. (5). */
export function klFormula(args) {
  return formula(readN(args.n));
}

/** KLhat_1 = log((1 - (1 - eps)^n) / eps) for validated inputs. */
function klEstimateUpperAt(n, { eps, logEps, delta, logOneMinus }) {
  if (n === 1 || delta === 0) return 0; // log(eps / eps); 0 log 0 = 0 for eps = 1
  const y = n * logOneMinus; // log (1 - eps)^n
  if (eps < SMALL_EPS) {
    // -y = n eps (-log1p(-eps) / eps), so KLhat_1 = log n + log(-log1p(-eps) / eps) + log(expm1(y) / y):
    // no division by eps itself, which may be subnormal or 0 (logEps < -745).
    const ratioEps = eps > 0 ? -logOneMinus / eps : 1;
    const ratioY = y !== 0 ? Math.expm1(y) / y : 1;
    return Math.log(n) + Math.log(ratioEps) + Math.log(ratioY);
  }
  const logM = y < LOG_HALF ? Math.log1p(-Math.exp(y)) : Math.log(-Math.expm1(y)); // log(1 - (1 - eps)^n)
  return logM - logEps;
}

/** KLhat_1(eps), Eq. (26); args {n, eps} or {n, logEps}. */
export function klEstimateUpper(args) {
  return klEstimateUpperAt(readN(args.n), readEps(args));
}

/** KLhat(eps), Eq. (28): A (log n + (n-1) log(1 - eps) - (n-1)/n) + (1 - A) KLhat_1(eps), A = (1 - eps)^n. */
export function klEstimate(args) {
  const n = readN(args.n);
  const point = readEps(args);
  if (n === 1 || point.delta === 0) return 0;
  const y = n * point.logOneMinus;
  const A = Math.exp(y);
  const first = A === 0 ? 0 : A * (formula(n) + (n - 1) * point.logOneMinus); // 0 log 0 = 0
  return first - Math.expm1(y) * klEstimateUpperAt(n, point); // 1 - A = -expm1(y)
}

/**
 * Renyi entropy of order 2 in nats, -log sum q_i^2 with q = p / sum(p), Eq. (18). When one mass M exceeds half
 * the total, 1 - sum q^2 = (2 M R + (R^2 - Q)) / S^2 (R, Q: sum and sum of squares of the other masses) is
 * formed without subtracting from 1 and H_2 = -log1p(-that), relative-accurate for p close to a point mass.
 */
export function renyi2(args) {
  const { w, total } = readMasses(args.p);
  let top = 0;
  for (let i = 1; i < w.length; i++) if (w[i] > w[top]) top = i;
  const rest = w.filter((_, i) => i !== top);
  const big = w[top];
  const R = sum(rest);
  const Q = sum(rest.map((v) => v * v));
  if (big > 0.5 * total) return 0 - Math.log1p(-(2 * big * R + (R * R - Q)) / (total * total));
  return -Math.log((big * big + Q) / (total * total));
}
