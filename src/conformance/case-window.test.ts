// The bounded window of a check (issue 16): cases are generated lazily in fast-check's order (the same cases as
// collectCases, which shrinking replays), at most a window of them is asked and not yet graded, and a stop ends
// the producer. `check --runs 1000000` used to build and queue every case of every pair up front (heap OOM).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Answer } from "../subject/subject.ts";
import { collectCases, type Case } from "./case.ts";
import { CaseWindow, caseWeight, lazyCases } from "./case-window.ts";
import { domainNamed } from "./domains/index.ts";

const numbered: fc.Arbitrary<Case> = fc.integer({ min: 0, max: 1_000_000 }).map((k) => ({ args: { k }, label: `k=${k}` }));
const answer = (id: number): Promise<Answer> => Promise.resolve({ kind: "value", id, value: 0, raw: null });

async function take<T>(items: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}

describe("lazyCases", () => {
  test("the same cases, in the same order, as collectCases (the order shrinking replays)", async () => {
    const family = domainNamed("standard")!.ops.bonPmf!;
    const lazy = await take(lazyCases(family.arbitrary, 42, 200), 1000);
    expect(lazy).toEqual(await collectCases(family.arbitrary, 42, 200));
    expect(lazy).toHaveLength(200);
  });

  test("generates nothing ahead of its consumer, and can be left early", async () => {
    let generated = 0;
    const counting = numbered.map((c) => ((generated += 1), c));
    const cases = lazyCases(counting, 1, 1_000_000);
    await take(cases, 10);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(generated).toBeLessThanOrEqual(11);
  });

  test("a generator that throws ends the cases with its error", async () => {
    const broken = numbered.map((c) => {
      if ((c.args.k as number) % 3 === 0) throw new Error("generator bug");
      return c;
    });
    await expect(take(lazyCases(broken, 1, 1000), 1000)).rejects.toThrow("generator bug");
  });
});

describe("CaseWindow", () => {
  const plans = ["a", "b"];

  test("at most maxCases asked and not graded, across pairs; every case reaches its pair's stream in order", async () => {
    let asked = 0;
    let graded = 0;
    let widest = 0;
    const window = new CaseWindow(plans, {
      cases: (plan) => lazyCases(numbered.map((c) => ({ ...c, label: `${plan} ${c.label}` })), plan === "a" ? 1 : 2, 500),
      ask: () => {
        asked += 1;
        widest = Math.max(widest, asked - graded);
        return answer(asked);
      },
    }, 16);
    const producing = window.run();
    for (const [i, plan] of plans.entries()) {
      let expected = 0;
      for await (const item of window.streams[i]!) {
        if (item.index % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // a slow grader: the producer fills the window
        expect(item.index).toBe(expected++);
        expect(item.case.label.startsWith(plan)).toBe(true);
        graded += 1;
        window.graded();
      }
      expect(expected).toBe(500);
    }
    await producing;
    expect(asked).toBe(1000);
    expect(widest).toBe(16);
  });

  test("heavy cases: the weight bound holds, and a case heavier than the whole window still goes alone", async () => {
    const sizes = [3, 3, 3, 50, 2, 2];
    let next = 0;
    const cases = async function* () {
      for (const size of sizes) yield { args: { p: new Array(size).fill(0) }, label: String(next++) } as Case;
    };
    let outstanding = 0;
    let widest = 0;
    const window = new CaseWindow(["x"], {
      cases: () => cases(),
      ask: (_plan, c) => {
        outstanding += caseWeight(c);
        widest = Math.max(widest, outstanding);
        return answer(1);
      },
    }, 100, 10);
    const producing = window.run();
    const seen: string[] = [];
    for await (const item of window.streams[0]!) {
      seen.push(item.case.label);
      outstanding -= caseWeight(item.case);
      window.graded();
    }
    await producing;
    expect(seen).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(widest).toBe(51); // the 50-entry case alone; otherwise at most 10
  });

  test("stop: no further case is asked, the streams end", async () => {
    let asked = 0;
    const window = new CaseWindow(plans, { cases: () => lazyCases(numbered, 1, 100_000), ask: () => answer(++asked) }, 8);
    const producing = window.run();
    const first = await take(window.streams[0]!, 3);
    expect(first).toHaveLength(3);
    window.stop();
    await producing;
    const askedAtStop = asked;
    expect(askedAtStop).toBeLessThanOrEqual(8);
    expect(await take(window.streams[1]!, 10)).toEqual([]);
    expect(asked).toBe(askedAtStop);
  });
});

describe("CaseWindow: the weight window, step by step", () => {
  /** Lets the producer run until it waits (it only waits on the window or on the cases). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  const heavy = (size: number, label: string): Case => ({ args: { p: new Array(size).fill(0), n: 2 }, label });

  test("a case's weight is 1 plus the entries of its array args; numbers and strings weigh nothing", () => {
    expect(caseWeight(heavy(5, "x"))).toBe(6);
    expect(caseWeight({ args: { n: 7, eps: 0.5, note: "abc" }, label: "x" })).toBe(1);
  });

  test("cases are asked while their weights fit (a sum equal to the bound fits), and each grading frees its case's weight", async () => {
    // weights 4, 6, 4, 51, 3 against a bound of 10
    const cases = [heavy(3, "0"), heavy(5, "1"), heavy(3, "2"), heavy(50, "3"), heavy(2, "4")];
    const asked: string[] = [];
    const window = new CaseWindow(["x"], { cases: async function* () { yield* cases; }, ask: (_plan, c) => (asked.push(c.label), answer(1)) }, 100, 10);
    const producing = window.run();
    await settle();
    expect(asked).toEqual(["0", "1"]); // 4 + 6 = 10 fits; 10 + 4 does not
    window.graded(); // frees 4: 6 + 4 = 10
    await settle();
    expect(asked).toEqual(["0", "1", "2"]);
    window.graded(); // frees 6: 4 + 51 > 10
    await settle();
    expect(asked).toEqual(["0", "1", "2"]);
    window.graded(); // empty: the 51 goes alone
    await settle();
    expect(asked).toEqual(["0", "1", "2", "3"]);
    window.graded(); // frees 51
    await settle();
    expect(asked).toEqual(["0", "1", "2", "3", "4"]);
    window.graded();
    await producing;
  });

  test("a pair whose cases fail to generate ends its stream with that error; the next pair still runs", async () => {
    const window = new CaseWindow(["bad", "good"], {
      cases: async function* (plan) {
        yield heavy(1, `${plan} 0`);
        if (plan === "bad") throw new Error("generator bug");
      },
      ask: () => answer(1),
    });
    const producing = window.run();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of window.streams[0]!) {
          seen.push(item.case.label);
          window.graded();
        }
      })(),
    ).rejects.toThrow("generator bug");
    expect(seen).toEqual(["bad 0"]);
    expect((await take(window.streams[1]!, 5)).map((item) => item.case.label)).toEqual(["good 0"]);
    await producing;
  });

  test("stopped during a pair: the later pairs' cases are not even generated", async () => {
    const generated: string[] = [];
    const window = new CaseWindow(["a", "b"], {
      cases: async function* (plan) {
        for (let k = 0; k < 100; k++) {
          generated.push(`${plan} ${k}`);
          yield heavy(1, `${plan} ${k}`);
        }
      },
      ask: () => answer(1),
    }, 4);
    const producing = window.run();
    await settle();
    window.stop();
    await producing;
    expect(generated.every((label) => label.startsWith("a "))).toBe(true);
  });
});

describe("lazyCases: a failure is the generator's own error", () => {
  test("the arbitrary's error, not a generic one", async () => {
    const broken = numbered.map(() => {
      throw new TypeError("bad arbitrary");
    });
    await expect(take(lazyCases(broken, 5, 10), 10)).rejects.toThrow(/^bad arbitrary$/);
  });
});
