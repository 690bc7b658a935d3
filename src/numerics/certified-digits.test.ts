import { describe, expect, it } from "vitest";
import { Enclosure, klBon, klFormula, type Accuracy } from "../oracle/index.ts";
import { certifyDigits } from "./certified-digits.ts";

describe("certifyDigits", () => {
  it("gives the correctly rounded digits", () => {
    const r = certifyDigits((a) => klFormula({ n: 2 }, a), { digits: 12 });
    expect(r).toMatchObject({ value: "1.9314718056e-1", complete: true, zero: false }); // log 2 - 1/2 = 0.193147180559945...
  });

  it("writes 0 for an enclosure of an exact zero within the floor", () => {
    const r = certifyDigits((a) => klBon({ p: ["1/3", "2/3"], n: 1 }, a), { digits: 12, floor: 1e-30 });
    expect(r).toMatchObject({ value: "0", complete: true, zero: true });
  });

  it("asks again, tighter, until the digits are certified", () => {
    const asked: Accuracy[] = [];
    // a fake quantity whose enclosure of 1/3 is only as tight as asked
    const third = (a: Accuracy) => {
      asked.push(a);
      const bits = Math.ceil(-Math.log2(a.relative ?? 1e-30)) - 2;
      const m = (1n << BigInt(bits)) / 3n;
      return new Enclosure({ m, e: -bits }, { m: m + 1n, e: -bits }, 64);
    };
    expect(certifyDigits(third, { digits: 12 }).value).toBe("3.33333333333e-1");
    expect(asked[0]?.relative).toBe(1e-14);
  });

  it("certifies an exact value on a rounding tie with more digits", () => {
    // 0.125 exactly, enclosed with positive width: at 2 digits both "0.12" and "0.13" are possible
    const eighth = () => new Enclosure({ m: (1n << 60n) - 1n, e: -63 }, { m: (1n << 60n) + 1n, e: -63 }, 64);
    const r = certifyDigits(eighth, { digits: 2, attempts: 2 });
    expect(r).toMatchObject({ value: "1.25e-1", complete: true });
  });
});

describe("certifyDigits: onWork", () => {
  it("is handed to the quantity's accuracy when given, and absent otherwise", () => {
    const asked: Accuracy[] = [];
    const half = (a: Accuracy) => {
      asked.push(a);
      return new Enclosure({ m: 1n, e: -1 }, { m: 1n, e: -1 }, 64);
    };
    const onWork = () => undefined;
    expect(certifyDigits(half, { digits: 5, onWork }).value).toBe("5e-1");
    expect(asked[0]?.onWork).toBe(onWork);
    certifyDigits(half, { digits: 5 });
    expect(asked[1] !== undefined && "onWork" in asked[1]).toBe(false);
  });
});
