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
