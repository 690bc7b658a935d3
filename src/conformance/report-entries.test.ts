import { describe, expect, test } from "vitest";
import type { SubjectLog } from "../subject/subject.ts";
import { accuracy, failing, grade } from "./fixtures/grades.ts";
import { caseRecord, LISTED_REQUESTS, MAX_ARGS_CHARS, MAX_EVIDENCE_CHARS, replayCommand, RequestRegistry, shellQuote, summariseArgs, summariseSubjectLog } from "./report-entries.ts";

describe("RequestRegistry", () => {
  test("names the case each request id belongs to; unknown ids say so", () => {
    const registry = new RequestRegistry();
    registry.record(3, "klBon", "ties", "L=2 n=2");
    expect(registry.lookup(3)).toEqual({ id: 3, op: "klBon", domain: "ties", label: "L=2 n=2" });
    expect(registry.lookup(4)).toEqual({ id: 4, op: "?", domain: "?", label: "(not a conformance request)" });
  });
});

describe("summariseArgs", () => {
  test("short args whole; long arrays abbreviated in the middle", () => {
    expect(summariseArgs({ p: [0.5, 0.5], n: 2 })).toBe('{"p":[0.5,0.5],"n":2}');
    const p = Array.from({ length: 40 }, (_, i) => i / 1000);
    expect(summariseArgs({ p, n: 2, r: [1, 2] })).toBe('{"p":[0,0.001,0.002,...(35 more)...,0.038,0.039],"n":2,"r":[1,2]}');
    expect(summariseArgs({ p: [1, 2, 3, 4, 5, 6, 7] })).toBe('{"p":[1,2,3,4,5,6,7]}'); // short: whole
    const edge = { p: [1, 2, 3, 4, 5, 6, 7], q: "y".repeat(160 - 28) };
    expect(JSON.stringify(edge).length).toBe(160);
    expect(summariseArgs(edge)).toBe(JSON.stringify(edge)); // at the limit: still whole
    const over = { p: [1, 2, 3, 4, 5, 6, 7], q: "y".repeat(160 - 27) };
    expect(summariseArgs(over)).toBe(`{"p":[1,2,3,...(2 more)...,6,7],"q":"${"y".repeat(133)}"}`);
    const sixLong = { p: Array.from({ length: 6 }, () => 0.123456789012345), q: "x".repeat(100) };
    expect(summariseArgs(sixLong)).toBe(`{"p":${JSON.stringify(sixLong.p)},"q":"${"x".repeat(100)}"}`);
  });
});

describe("caseRecord", () => {
  const c = { args: { p: [0, 0.25, 0.75], n: 4 }, label: "L=3 n=4 zeros@bottom" };

  test("the case, its grade, its magnitudes and its accuracy", () => {
    const g = failing("value", { requestId: 9, error: 0.5, tolerance: 1e-15, ratio: 5e14, entry: 1, answer: 0.75, expected: ["0.25", "0.25"], accuracy: accuracy({ bound: 2e-16, ratio: 2.5e15, accurate: false, relativeErrorU: 9e15 }), reading: "R" });
    expect(caseRecord(c, g, 5)).toEqual({
      index: 5,
      label: "L=3 n=4 zeros@bottom",
      args: c.args,
      argsSummary: '{"p":[0,0.25,0.75],"n":4}',
      n: 4,
      smallest: 0.25,
      requestId: 9,
      status: "fail",
      failure: "value",
      why: "off",
      answer: 0.75,
      entry: 1,
      expected: ["0.25", "0.25"],
      error: 0.5,
      tolerance: 1e-15,
      ratio: 5e14,
      accuracyBound: 2e-16,
      accuracyRatio: 2.5e15,
      relativeErrorU: 9e15,
      reading: "R",
    });
  });

  test("non-finite numbers become null; no accuracy, no accuracy fields", () => {
    const r = caseRecord(c, failing("non-finite", { answer: undefined, ratio: Number.POSITIVE_INFINITY, accuracy: accuracy({ ratio: Number.POSITIVE_INFINITY, relativeErrorU: Number.POSITIVE_INFINITY }) }), null);
    expect([r.ratio, r.error, r.tolerance, r.answer, r.accuracyRatio, r.relativeErrorU, r.accuracyBound]).toEqual([null, null, 1e-15, null, null, null, 1e-16]);
    const plain = caseRecord(c, grade({ ratio: Number.NaN }), 0);
    expect([plain.ratio, plain.accuracyBound, plain.accuracyRatio, plain.relativeErrorU, plain.failure]).toEqual([null, null, null, null, null]);
  });

  test("args longer than MAX_ARGS_CHARS are left out, unless the record is evidence (a shrunk counterexample)", () => {
    const big = { args: { p: Array<number>(1000).fill(0.001), n: 2 }, label: "big" };
    expect(JSON.stringify(big.args).length).toBeGreaterThan(MAX_ARGS_CHARS);
    expect(caseRecord(big, grade(), 0).args).toBeNull();
    expect(caseRecord(big, grade(), 0, true).args).toBe(big.args);
    const huge = { args: { p: Array<number>(300_000).fill(0.123456789012345), n: 2 }, label: "huge" };
    expect(JSON.stringify(huge.args).length).toBeGreaterThan(MAX_EVIDENCE_CHARS);
    expect(caseRecord(huge, grade(), 0, true).args).toBeNull();
    const edge = { args: { s: "x".repeat(MAX_ARGS_CHARS - 8) }, label: "edge" };
    expect(JSON.stringify(edge.args).length).toBe(MAX_ARGS_CHARS);
    expect(caseRecord(edge, grade(), 0).args).toBe(edge.args);
  });

  test("long answers are kept abbreviated", () => {
    const answer = Array<number>(2000).fill(0.5);
    expect(caseRecord(c, grade({ answer }), 0).answer).toBe("[0.5,0.5,0.5,...] (2000 entries)");
    const edge = "y".repeat(MAX_ARGS_CHARS - 2);
    expect(caseRecord(c, grade({ answer: edge }), 0).answer).toBe(edge);
    const huge = "1".repeat(60_000_000);
    expect(caseRecord(c, grade({ answer: huge }), 0).answer).toBe(`"${"1".repeat(200)}"... (60000000 characters)`);
  });
});

describe("summariseSubjectLog", () => {
  const instance = (stderr: { head: string; tail: string }) => ({ instance: 1, pid: 1, requestsSent: 1, requestsAnswered: 1, exit: null, stderr: { ...stderr, totalBytes: 1 }, stdout: null });
  const log = (fields: Partial<SubjectLog>): SubjectLog => ({ description: "d", requestsSent: 5, requestsAnswered: 3, requestsFaulted: 2, faults: [], faultCounts: {}, instances: [], stoppedBecause: null, quarantined: [], stopped: [], ...fields });

  test("faults with the requests they hit (10 listed), counts, groups and the timeouts' evidence", () => {
    const registry = new RequestRegistry();
    for (let id = 1; id <= 12; id++) registry.record(id, "klBon", "standard", `case ${id}`);
    const ids = Array.from({ length: 12 }, (_, i) => i + 1);
    const summary = summariseSubjectLog(
      log({
        faults: [
          { kind: "timeout", ids, detail: "no answer for 100 ms: killed as hung", instance: 2 },
          { kind: "timeout", ids: [3], detail: "no answer: killed as hung; this was the oldest pending request (the 4 other pending request(s) were sent again)", instance: 1 },
          { kind: "timeout", ids: [], detail: "late", instance: 1 },
          { kind: "invalid-json", ids: [], detail: "not JSON", excerpt: "hello", instance: 1 },
          { kind: "crashed", ids: [4, 5], detail: "exit 3", instance: 1 },
        ],
        faultCounts: { timeout: 3, "invalid-json": 1, crashed: undefined },
        stoppedBecause: "it hung",
      }),
      registry,
    );
    expect(summary.faults[0]!.requests).toHaveLength(LISTED_REQUESTS);
    expect(summary.faults[0]!.requests[9]).toEqual({ id: 10, op: "klBon", domain: "standard", label: "case 10" });
    expect(summary.faults[0]!.moreRequests).toBe(2);
    expect(summary.faults[0]!.evidence).toBe("no answer within the timeout to any of these 12 pending requests");
    expect(summary.faults[1]!.evidence).toBe("no answer within the timeout to any of 5 pending requests; this one, the oldest, was charged and the others were sent again");
    expect(summary.faults[2]!.evidence).toBeNull();
    expect(summary.faults[3]).toMatchObject({ excerpt: "hello", evidence: null, moreRequests: 0 });
    expect(summary.faults[4]).toMatchObject({ kind: "crashed", evidence: null });
    expect(summary.faults[0]!.excerpt).toBeNull();
    expect(summary.faultCounts).toStrictEqual({ timeout: 3, "invalid-json": 1 });
    expect(summary.faultGroups.map((g) => [g.kind, g.count])).toEqual([["timeout", 1], ["timeout", 1], ["timeout", 1], ["invalid-json", 1], ["crashed", 1]]);
    expect(summary).toMatchObject({ description: "d", requestsSent: 5, requestsAnswered: 3, requestsFaulted: 2, stoppedBecause: "it hung", instances: 0, stderrHead: "", stderrTail: "" });
  });

  test("quarantined ops with their first 10 requests, and the requests given up per op and reason", () => {
    const ids = Array.from({ length: 12 }, (_, i) => 100 + i);
    const summary = summariseSubjectLog(
      log({
        quarantined: [{ op: "klBon", ids, reason: "Q" }],
        stopped: [
          { op: "klBon", reason: "not sent", count: 7, sent: false },
          { op: "bonPmf", reason: "given up", count: 2, sent: true },
        ],
      }),
      new RequestRegistry(),
    );
    expect(summary.quarantined).toStrictEqual([{ op: "klBon", ids: ids.slice(0, 10), reason: "Q" }]);
    expect(summary.stopped).toStrictEqual([
      { op: "klBon", reason: "not sent", count: 7, sent: false },
      { op: "bonPmf", reason: "given up", count: 2, sent: true },
    ]);
  });

  test("stderr: the first instance's head, the last instance's tail (or its head when it wrote little)", () => {
    const registry = new RequestRegistry();
    expect(summariseSubjectLog(log({ instances: [instance({ head: "H1", tail: "T1" })] }), registry)).toMatchObject({ instances: 1, stderrHead: "H1", stderrTail: "T1" });
    // one instance whose stderr fits its head: no tail (the head is not repeated)
    expect(summariseSubjectLog(log({ instances: [instance({ head: "H1", tail: "" })] }), registry)).toMatchObject({ stderrHead: "H1", stderrTail: "" });
    const two = summariseSubjectLog(log({ instances: [instance({ head: "H1", tail: "T1" }), instance({ head: "H2", tail: "" })] }), registry);
    expect(two).toMatchObject({ instances: 2, stderrHead: "H1", stderrTail: "H2" });
    const tails = summariseSubjectLog(log({ instances: [instance({ head: "H1", tail: "" }), instance({ head: "H2", tail: "T2" })] }), registry);
    expect(tails.stderrTail).toBe("T2");
  });
});

describe("replay commands", () => {
  test("shell quoting only when needed", () => {
    expect(shellQuote("src/x.mjs")).toBe("src/x.mjs");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("")).toBe("''");
  });

  test("subject, seed, runs and the domains asked for", () => {
    expect(replayCommand(null, 7, 100, null)).toBe("npx bonkl check --seed 7 --runs 100");
    expect(replayCommand({ module: "./m.mjs" }, 7, 10, ["standard", "large-L"])).toBe("npx bonkl check --subject ./m.mjs --seed 7 --runs 10 --domain standard --domain large-L");
    expect(replayCommand({ command: "python3 s.py" }, 1, 2, [])).toBe("npx bonkl check --subject-cmd 'python3 s.py' --seed 1 --runs 2");
  });
});
