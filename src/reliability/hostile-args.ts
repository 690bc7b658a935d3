/**
 * fast-check arbitraries of hostile input for the oracle's `compute(op, args)`: wrong types, non-finite and
 * negative-zero numbers, decimal strings with huge exponents ("1e-99999999"), "1/0", very long strings, huge arrays,
 * nested objects; and near-valid arguments (a valid case of the op with one field replaced by something hostile),
 * which get past validation into the arithmetic.
 */
import fc from "fast-check";

/** Numbers a JSON parser or a JS caller can produce, and a few that only a JS caller can (NaN, Infinity, -0). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e9, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2.2250738585072014e-308, 1e-300, NaN, Infinity, -Infinity, 1 - 2 ** -53, 1 + 2 ** -52, -1e5, -745.2),
);

/** Strings that look like numbers, almost do, or are merely long. */
const longStrings = [
  `0.${"1".repeat(100_000)}`,
  "9".repeat(100_000),
  `1/${"7".repeat(5000)}`,
  `1e-${"9".repeat(1000)}`,
  `${"1".repeat(300)}/${"3".repeat(300)}`,
  "x".repeat(1_000_000),
  `-${"0".repeat(10_000)}1e-5`,
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "1e-99999999",
    "1e99999999",
    "1e-100000",
    "1e100000",
    "-1e100000",
    "1e-100001",
    "1e+100000",
    "1/0",
    "0/0",
    "-1/0",
    "0/1",
    "1/3",
    "-0",
    "0",
    "+0",
    "NaN",
    "Infinity",
    "-Infinity",
    "inf",
    "0x10",
    "0b1",
    "1_000",
    " 0.5 ",
    "\t1\n",
    "",
    " ",
    "1e",
    "e5",
    "--1",
    "+1",
    "1.",
    ".5",
    "1..2",
    "1/2/3",
    "1/-2",
    "-1/2",
    "1e-30",
    "0.999999999999999999999999999999",
    "9007199254740993",
    "1/1e-100000",
    "1e100000/1e-100000",
    "1e-100000/1e100000",
    "٣",
    "１",
    "1e5000000000000000000000",
    "0.5\u0000",
    "__proto__",
    "constructor",
  ),
  fc.constantFrom(...longStrings),
  fc.string(),
  fc.stringMatching(/^[-+]?\d{0,25}(\.\d{0,25})?([eE][-+]?\d{1,7})?(\/[-+]?\d{0,25}(\.\d{0,25})?([eE][-+]?\d{1,7})?)?$/),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileNumber },
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, "inf", "level", "outcome") },
  { weight: 1, arbitrary: fc.bigInt() },
);

/** Any JSON-ish value, nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("p", "n", "r", "eps", "logEps", "weight", "__proto__")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/**
 * Arrays of hostile entries, from empty to 100,000 entries. The long ones are never a valid p (their sum is not 1),
 * so they test that rejecting them is quick; the oracle's cost on long valid inputs is linear in L and measured
 * separately (spec/reliability.md).
 */
export const hostileArray: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 6, arbitrary: fc.array(leaf, { maxLength: 12 }) },
  { weight: 2, arbitrary: fc.array(hostileValue, { maxLength: 4 }) },
  {
    weight: 1,
    // A long array of one value, possibly with one bad entry at the end.
    arbitrary: fc
      .tuple(fc.constantFrom(1000, 100_000), fc.constantFrom<unknown>(0, -1, NaN, "0.5", null, "1e-100000", 1e-6, "1/3"), fc.option(leaf))
      .map(([length, value, last]) => {
        const array: unknown[] = new Array(length).fill(value);
        if (last !== null) array[length - 1] = last;
        return array;
      }),
  },
);

// ---- valid pieces ----

const weights = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

/** A valid p: doubles, or exact "w/total" strings; sometimes with zero entries. */
export const validP: fc.Arbitrary<unknown[]> = fc.oneof(
  weights.map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  }),
  weights.map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => `${x}/${total}`);
  }),
  fc.integer({ min: 1, max: 2000 }).map((L) => new Array(L).fill(`1/${L}`)),
  // Extreme but valid: a tiny mass (far below the double range, or subnormal) next to ordinary ones.
  fc
    .tuple(weights, fc.constantFrom<unknown>("1e-100000", 5e-324, "1e-30", 1e-300, "1/9007199254740991", 0), fc.nat())
    .map(([w, tiny, at]) => {
      const total = w.reduce((a, b) => a + b, 0);
      const p: unknown[] = w.map((x) => `${x}/${total}`);
      p.splice(at % (p.length + 1), 0, tiny);
      return p;
    }),
);

export const validN: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1, 2, 3, 1e9, 2 ** 53 - 1, "9007199254740991", "16"));
const validEps: fc.Arbitrary<unknown> = fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), fc.constantFrom(1, "1e-30", "1e-100000", 5e-324, "1/3", 1 - 2 ** -53));
const validLogEps: fc.Arbitrary<unknown> = fc.oneof(fc.double({ min: -Number.MAX_VALUE, max: 0, noNaN: true }), fc.constantFrom(0, -0, -1e5, -1e300, "-1e100000", "-1e-100000", -Number.MIN_VALUE));

/** A valid argument object for `op` (the oracle's ops, src/oracle/ops.ts). */
export function validArgs(op: string): fc.Arbitrary<Record<string, unknown>> {
  const withR = (p: unknown[]) => fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: p.length, maxLength: p.length }), { nil: undefined });
  const distribution = validP.chain((p) => withR(p).map((r) => (r === undefined ? { p } : { p, r })));
  const per = fc.option(fc.constantFrom("outcome", "level"), { nil: undefined });
  const eps = fc.oneof(validEps.map((e) => ({ eps: e })), validLogEps.map((l) => ({ logEps: l })));
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (op) {
    case "klFormula":
    case "klExample1":
      return validN.map((n) => ({ n }));
    case "klEstimate":
    case "klEstimateUpper":
      return fc.tuple(validN, eps).map(([n, e]) => ({ n, ...e }));
    case "gapBoundThm3":
    case "gapBoundCor3":
    case "klBoundThm4":
      return fc.tuple(validN, fc.oneof(eps, distribution)).map(([n, e]) => ({ n, ...e }));
    case "renyi2":
    case "epsInfinity":
      return fc.tuple(distribution, per).map(([d, q]) => clean({ ...d, per: q }));
    case "renyi":
      return fc.tuple(distribution, per, fc.oneof(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(1, 2, 1 - 2 ** -53, 1 + 2 ** -52, 1e-300, 1e300, "inf", "Infinity"))).map(([d, q, alpha]) => clean({ ...d, per: q, alpha }));
    case "klMixture":
      return fc
        .tuple(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom("1/3", "0.5")), distribution), { minLength: 1, maxLength: 3 }), validN)
        .map(([components, n]) => ({ components: components.map(([weight, d]) => ({ weight, ...d })), n }));
    default: // bonPmf, bonLevelPmf, klBon, gapBoundThm2, gapBoundCor2, klBoundLemma2, the estimator moments
      return fc.tuple(distribution, validN, per).map(([d, n, q]) => clean({ ...d, n, per: q }));
  }
}

/** A valid case of `op` with one field replaced (or added) with something hostile. */
export function nearValidArgs(op: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(validArgs(op), fc.constantFrom("p", "n", "r", "eps", "logEps", "per", "alpha", "components", "weight", "extra"), fc.oneof(leaf, hostileArray, hostileValue))
    .map(([args, field, value]) => {
      const copy: Record<string, unknown> = { ...args };
      if (field === "weight" && Array.isArray(copy.components) && copy.components.length > 0) {
        copy.components = [{ ...(copy.components[0] as object), weight: value }, ...copy.components.slice(1)];
      } else if (field === "p" && Array.isArray(copy.p) && typeof value !== "object") {
        const p = [...copy.p]; // one entry of a valid p
        p[Math.floor(p.length / 2)] = value;
        copy.p = p;
      } else copy[field] = value;
      return copy;
    });
}

/** Arguments for `op`: near-valid most of the time, otherwise anything at all. */
export function hostileArgs(op: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: nearValidArgs(op) },
    { weight: 2, arbitrary: validArgs(op) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom("p", "n", "r", "eps", "logEps", "per", "alpha", "components"), fc.oneof(leaf, hostileArray, hostileValue), { maxKeys: 4 }) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** One fuzz case: an op of `ops` and its hostile args. */
export function fuzzCase(ops: readonly string[]): fc.Arbitrary<{ op: string; args: unknown }> {
  return fc.constantFrom(...ops).chain((op) => hostileArgs(op).map((args) => ({ op, args })));
}
