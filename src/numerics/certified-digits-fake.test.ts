// certifyDigits against fake quantities that return the widest enclosure the asked accuracy allows around an exact
// rational (the worst an honest oracle may do): values next to a rounding boundary, of either sign and of small
// magnitude, must still come back with their correctly rounded digits, which are worked out by hand in each test.
// Also: how many times the oracle may be asked, a point enclosure of 0, and the zero floor's own ends.
import { describe, expect, it } from "vitest";
import type { Accuracy } from "./certify.ts";
import { certifyDigits } from "./certified-digits.ts";
import { doubleToDyadic } from "./dyadic.ts";
import { Enclosure } from "./enclosure.ts";

/** Ceiling and floor of num / den for den > 0. */
const floorDiv = (num: bigint, den: bigint): bigint => (num >= 0n ? num / den : -((-num + den - 1n) / den));
const ceilDiv = (num: bigint, den: bigint): bigint => -floorDiv(-num, den);

/**
 * The exact value num / den (den > 0) as a fake quantity: its enclosure has width at most max(absolute, relative / 2
 * times |value|), which is within what `accuracy` accepts, and it records every accuracy asked.
 */
function widest(num: bigint, den: bigint, asked: Accuracy[] = []): (a: Accuracy) => Enclosure {
  return (a) => {
    asked.push(a);
    const magnitude = Math.abs(Number(num) / Number(den)); // a double near |value|: only sizes the width
    const half = Math.max(a.absolute ?? 0, ((a.relative ?? 0) / 2) * magnitude) / 2;
    const w = doubleToDyadic(half); // half = w.m * 2^w.e exactly
    const k = Math.max(0, -w.e) + 8; // ends on a grid of 2^-k, finer than the half width
    const scaledHalf = w.m << BigInt(w.e + k); // half * 2^k, an integer
    const lo = ceilDiv((num << BigInt(k)) - scaledHalf * den, den);
    const hi = floorDiv((num << BigInt(k)) + scaledHalf * den, den);
    return new Enclosure({ m: lo, e: -k }, { m: hi, e: -k }, 64);
  };
}

describe("certifyDigits with the widest enclosures an accuracy allows", () => {
  it("certifies a value 1e-18 above a rounding tie, of either sign", () => {
    // 0.12345 + 1e-18 = 12345000000000001 / 10^17: above the tie 0.12345, so 4 digits round up to 0.1235
    const r = certifyDigits(widest(12345000000000001n, 10n ** 17n), { digits: 4 });
    expect(r).toMatchObject({ value: "1.235e-1", complete: true, zero: false });
    const s = certifyDigits(widest(-12345000000000001n, 10n ** 17n), { digits: 4 });
    expect(s).toMatchObject({ value: "-1.235e-1", complete: true, zero: false });
  });

  it("certifies a small value next to a tie, where the absolute accuracy must shrink below the floor", () => {
    // 1.2345e-25 + 1e-40 = (12345 * 10^11 + 1) / 10^40: rounds up to 1.235e-25 at 4 digits; the floor 1e-30 is
    // far wider than the 1e-40 that separates it from the tie
    const r = certifyDigits(widest(12345n * 10n ** 11n + 1n, 10n ** 40n), { digits: 4 });
    expect(r).toMatchObject({ value: "1.235e-25", complete: true, zero: false });
    const s = certifyDigits(widest(-(12345n * 10n ** 11n + 1n), 10n ** 40n), { digits: 4 });
    expect(s).toMatchObject({ value: "-1.235e-25", complete: true, zero: false });
  });

  it("asks the oracle at most `attempts` times", () => {
    // 1/8 exactly is a tie at 2 digits that no enclosure of positive width decides; the fake never returns a point
    for (const attempts of [1, 3]) {
      const asked: Accuracy[] = [];
      certifyDigits(widest(1n, 8n, asked), { digits: 2, attempts });
      expect(asked.length).toBe(attempts);
    }
    const asked: Accuracy[] = [];
    certifyDigits(widest(1n, 8n, asked), { digits: 2 });
    expect(asked.length).toBe(8); // the documented default
  });
});

describe("certifyDigits after an enclosure wider than asked (as an oracle at its precision cap returns)", () => {
  /** Returns `first` on the first call, then the widest enclosure of num / den the accuracy allows. */
  function capped(first: Enclosure, num: bigint, den: bigint, asked: Accuracy[]): (a: Accuracy) => Enclosure {
    const honest = widest(num, den);
    return (a) => {
      asked.push(a);
      return asked.length === 1 ? first : honest(a);
    };
  }
  const one = { m: 1n, e: 0 };
  const zero = { m: 0n, e: 0 };
  const minusOne = { m: -1n, e: 0 };

  it("asks next for the zero floor as the absolute accuracy when the sign is unknown (an end at 0 included)", () => {
    // An enclosure containing 0 but not within the floor: the floor is the absolute width that decides whether the
    // value is written as 0 (looser cannot decide it, tighter decides nothing more), and the value 1/8 + 2^-60 is
    // then certified: 1.25e-1 at 3 digits
    for (const first of [new Enclosure(minusOne, one, 64), new Enclosure(zero, one, 64), new Enclosure(minusOne, zero, 64)]) {
      const asked: Accuracy[] = [];
      const r = certifyDigits(capped(first, 2n ** 57n + 1n, 2n ** 60n, asked), { digits: 3, floor: 1e-30 });
      expect(asked[1]?.absolute).toBe(1e-30);
      expect(r).toMatchObject({ value: "1.25e-1", complete: true, zero: false });
    }
  });

  it("gives back the digits it can certify (null for none), complete false, when attempts run out", () => {
    // [1/2, 1] and [-1, 1] decide no digit at 3 to 7 digits: null; [1, 1 + 2^-20] = [1, 1.00000095...] decides 6
    // digits (1.00000, written "1") but not 7 (1.000000 or 1.000001) nor 8 to 11 (the upper end's 95367...)
    const r = certifyDigits(() => new Enclosure({ m: 1n, e: -1 }, one, 64), { digits: 3, attempts: 1 });
    expect(r).toMatchObject({ value: null, complete: false, zero: false });
    const s = certifyDigits(() => new Enclosure(minusOne, one, 64), { digits: 3, attempts: 1 });
    expect(s).toMatchObject({ value: null, complete: false, zero: false });
    const t = certifyDigits(() => new Enclosure(one, { m: 2n ** 20n + 1n, e: -20 }, 64), { digits: 7, attempts: 1 });
    expect(t).toMatchObject({ value: "1", complete: false, zero: false });
  });

  it("flags a tie certified with more digits as not zero", () => {
    // 1/8 enclosed with positive width: 2 digits undecided, 3 digits give 1.25e-1
    const eighth = () => new Enclosure({ m: (1n << 60n) - 1n, e: -63 }, { m: (1n << 60n) + 1n, e: -63 }, 64);
    expect(certifyDigits(eighth, { digits: 2, attempts: 1 })).toMatchObject({ value: "1.25e-1", complete: true, zero: false });
  });
});

describe("certifyDigits at zero", () => {
  it("writes an exact point 0 as 0, flagged zero", () => {
    const r = certifyDigits(() => new Enclosure({ m: 0n, e: 0 }, { m: 0n, e: 0 }, 64), { digits: 5 });
    expect(r).toMatchObject({ value: "0", complete: true, zero: true });
  });

  it("writes 0 for an enclosure that reaches the floor at either end (the floor is inclusive)", () => {
    const f = 2 ** -100; // an exact double, so the ends equal the floor exactly
    const end = doubleToDyadic(f);
    const minus = { m: -end.m, e: end.e };
    const inside = { m: end.m, e: end.e - 1 };
    for (const [lo, hi] of [
      [minus, end],
      [minus, inside],
      [{ m: -inside.m, e: inside.e }, end],
    ] as const) {
      const r = certifyDigits(() => new Enclosure(lo, hi, 64), { digits: 5, floor: f, attempts: 1 });
      expect(r).toMatchObject({ value: "0", complete: true, zero: true });
    }
  });
});
