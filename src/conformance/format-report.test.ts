import { describe, expect, test } from "vitest";
import { FULL_INPUT_CHARS, formatError, formatRatio, formatReport, formatUnits, inputLine } from "./format-report.ts";
import { accuracyResultOf, caseRecordOf, classResultOf, reportOf, resultOf } from "./fixtures/grades.ts";
import type { ReportFault } from "./report.ts";

const lines = (text: string) => text.split("\n");

describe("cells", () => {
  test("errors: '-' for none, 0, else 3 significant digits", () => {
    expect(formatError(null)).toBe("-");
    expect(formatError(0)).toBe("0");
    expect(formatError(1.23456e-17)).toBe("1.23e-17");
  });

  test("ratios: inf for a failure without a finite ratio, '-' without a ratio, 3 digits from 0.01, else exponent", () => {
    expect(formatRatio(resultOf({ verdict: "FAIL", worstCase: caseRecordOf({ ratio: null }), worstRatio: 2 }))).toBe("inf");
    expect(formatRatio(resultOf({ verdict: "FAIL", worstCase: caseRecordOf({ ratio: 5 }), worstRatio: 5 }))).toBe("5.00");
    expect(formatRatio(resultOf({ verdict: "PASS", worstCase: caseRecordOf({ ratio: null }), worstRatio: null }))).toBe("-");
    expect(formatRatio(resultOf({ worstRatio: 0 }))).toBe("0");
    expect(formatRatio(resultOf({ worstRatio: 0.01 }))).toBe("0.0100");
    expect(formatRatio(resultOf({ worstRatio: 0.00999 }))).toBe("1.0e-2");
  });

  test("relative errors in u: 3 significant digits below 1e4, else an exponent", () => {
    expect(formatUnits(null)).toBe("-");
    expect(formatUnits(0)).toBe("0");
    expect(formatUnits(1.5)).toBe("1.5");
    expect(formatUnits(312.44)).toBe("312");
    expect(formatUnits(9994)).toBe("9990");
    expect(formatUnits(10_000)).toBe("1.0e+4");
    expect(formatUnits(4.26e4)).toBe("4.3e+4");
  });
});

describe("inputLine: the whole input when short, else where to find it", () => {
  test("whole up to FULL_INPUT_CHARS characters", () => {
    const p = Array.from({ length: 19 }, (_, i) => (i + 1) / 190);
    expect(inputLine(caseRecordOf({ args: { p, n: 3 } }), "the JSON report, x")).toBe(JSON.stringify({ p, n: 3 }));
    expect(FULL_INPUT_CHARS).toBe(2000);
    const edge = { p: ["x".repeat(FULL_INPUT_CHARS - 10)] };
    expect(JSON.stringify(edge).length).toBe(FULL_INPUT_CHARS);
    expect(inputLine(caseRecordOf({ args: edge }), null)).toBe(JSON.stringify(edge));
    const over = { p: ["x".repeat(FULL_INPUT_CHARS - 9)] };
    expect(inputLine(caseRecordOf({ args: over, argsSummary: "S" }), null)).toBe("S (whole input: rerun with --json FILE)");
  });

  test("longer: the summary and where the whole input is, or how to get it", () => {
    const args = { p: Array<number>(1000).fill(0.001), n: 2 };
    const c = caseRecordOf({ args, argsSummary: "SUMMARY" });
    expect(inputLine(c, "the JSON report, results[0].classes[1].counterexample.args")).toBe("SUMMARY (whole input: the JSON report, results[0].classes[1].counterexample.args)");
    expect(inputLine(c, null)).toBe("SUMMARY (whole input: rerun with --json FILE)");
    expect(inputLine(caseRecordOf({ args: null, argsSummary: "SUMMARY" }), "x")).toBe("SUMMARY (too large to keep: the replay command regenerates it)");
  });
});

describe("formatReport", () => {
  test("header, table with the accuracy columns, replay and summary", () => {
    const text = formatReport(
      reportOf({
        results: [
          resultOf(),
          resultOf({ op: "klBon", accuracy: accuracyResultOf({ verdict: "not accurate", worstRelativeErrorU: 2.5e6, correctDigits: 9.55, accurate: 9 }) }),
          resultOf({ op: "renyi2", domain: "invalid", verdict: "INFO", remark: "invalid inputs: 10 rejected, 0 accepted", worstError: null, worstRatio: null, accuracy: accuracyResultOf({ verdict: null }) }),
        ],
      }),
    );
    const out = lines(text);
    expect(out[0]).toBe("bonkl check: module ./impl.mjs");
    expect(out[1]).toBe("seed 7, 10 runs, domains: standard");
    expect(out[3]).toBe("op      domain    cases  worst error  error/tol  verdict  rel err (u)  digits  accurate  remark");
    expect(out[4]).toBe("bonPmf  standard     10     1.00e-17     0.0100  PASS             1.5    15.8  yes");
    expect(out[5]).toBe("klBon   standard     10     1.00e-17     0.0100  PASS          2.5e+6     9.6  no");
    expect(out[6]).toBe("renyi2  invalid      10            -          -  INFO               -       -  -         invalid inputs: 10 rejected, 0 accepted");
    expect(text.endsWith("Seed 7. Replay: npx bonkl check --subject ./impl.mjs --seed 7 --runs 10\nPASS: every checked op passed in every checked domain (1 op x domain pairs graded, 1.2 s)\n")).toBe(true);
    expect(formatReport(reportOf({ strict: true }))).toContain("seed 7, 10 runs, domains: standard; --strict: a case passes only when accurate\n");
  });

  test("a failing pair: each class with its shrunk example (4-space lines) and its worst case (6-space lines)", () => {
    const failing = resultOf({ verdict: "FAIL", remark: "4 of 10 cases failed (2 failure classes)", classes: [classResultOf(), classResultOf({ id: "ties/non-finite", shape: "ties", kind: "non-finite", description: "tied rewards, non-finite or error", counterexample: { ...caseRecordOf({ index: null, argsSummary: '{"p":[0.25,0.75],"n":9000}' }), shrinks: 0, path: "9" } })] });
    const text = formatReport(reportOf({ results: [failing] }));
    expect(text).toContain(
      [
        "Failures (each failure class with its shrunk example and its worst case):",
        "",
        "  bonPmf in standard: 4 of 10 cases failed (2 failure classes)",
        "  [in-order/value] distinct rewards in order, wrong value: 4 case(s), n 2 to 9000, smallest mass or eps 1.0e-9 to 0.50",
        '    input:    {"p":[0.5,0.5],"n":2}',
        "    case:     L=2 n=2",
        "    answer:   0.75 (entry 0)",
        "    exact in: [2.5e-1, 2.5e-1]",
        "    error:    5.00e-1  tolerance 3.20e-14  (1.56e+13 x tolerance)",
        "    why:      off by 0.500, tolerance 3.20e-14 (entry 0)",
        "    shrunk:   12 steps (fast-check seed 42, path 3:1:0)",
        "    worst case (#9, n=9000, smallest mass or eps 0.250): 8.30e+4 x tolerance",
        '      input:    {"p":[0.25,0.75],"n":9000}',
        "      case:     L=2 n=2 (case #9)",
      ].join("\n"),
    );
    expect(text).toContain("  [ties/non-finite] tied rewards, non-finite or error: 4 case(s)");
    expect(text).toContain("    first case (#9, n=9000, smallest mass or eps 0.250): the shrunk case itself\n");
  });

  test("a fault class is not shrunk; a failing pair without classes shows its worst case", () => {
    const fault = classResultOf({ id: "in-order/fault", kind: "fault", counterexample: null, regime: { nMin: null, nMax: null, smallMin: null, smallMax: null }, worstCase: caseRecordOf({ n: null, smallest: null, ratio: null, error: null, tolerance: null, expected: null, entry: null, status: "fail", answer: null, why: "fault timeout: x" }) });
    const text = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "1 of 3 cases failed", classes: [fault] })] }));
    expect(text).toContain("  [in-order/fault] distinct rewards in order, wrong value: 4 case(s)\n    (not shrunk: a fault such as a hang or a crash; each try would cost a timeout)\n    first case (#3)\n");
    expect(text).toContain("      answer:   null\n      why:      fault timeout: x\n");
    const bare = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "r", classes: [], worstCase: caseRecordOf({ why: "W" }) })] }));
    expect(bare).toContain("  bonPmf in standard: r\n    input:");
    expect(bare).toContain("    why:      W\n");
  });

  test("pairs not graded, pairs not accurate, answers reading p as given, invalid inputs accepted", () => {
    const text = formatReport(
      reportOf({
        results: [
          resultOf({ op: "klBon", domain: "ties", verdict: "NOT RUN", remark: "never graded: 10 not run (x)" }),
          resultOf({ op: "klBon", domain: "standard", verdict: "INCONCLUSIVE", remark: "only 2 of 10 cases graded" }),
          resultOf({ accuracy: accuracyResultOf({ verdict: "not accurate", accurate: 7, worstBoundRatio: 12.5, worstRelativeErrorU: 3e9, correctDigits: 6.5, worstCase: caseRecordOf({ argsSummary: "ARGS", entry: 1, answer: 0 }) }) }),
          resultOf({ op: "klBon", accuracy: accuracyResultOf({ verdict: "not accurate", worstBoundRatio: null, correctDigits: null, worstCase: null }) }),
          resultOf({ op: "renyi2", domain: "normalisation", verdict: "INFO", asGiven: 3, worstCase: caseRecordOf({ argsSummary: "P", reading: "matches p as given (sum(p) = 1 + 5.0e-7), not p / sum(p): the subject does not normalise p" }) }),
          resultOf({ op: "klFormula", domain: "invalid", verdict: "INFO", worstCase: caseRecordOf({ label: "n = 0", answer: 0.5, status: "accepted" }) }),
          resultOf({ op: "klEstimate", domain: "invalid", verdict: "INFO", worstCase: null }),
        ],
      }),
    );
    expect(text).toContain("Not graded (never PASS, never FAIL; the run does not exit 0):\n  klBon in ties: NOT RUN: never graded: 10 not run (x)\n  klBon in standard: INCONCLUSIVE: only 2 of 10 cases graded\n");
    expect(text).toContain(
      "Within tolerance but not accurate (beyond the bound a careful implementation meets; --strict fails these):\n  bonPmf in standard: 3 of 10 cases; worst 12.5 x the bound, relative error 3.0e+9 u (6.5 digits): ARGS entry 1 -> 0\n  klBon in standard: 0 of 10 cases; worst inf x the bound, relative error 1.5 u (- digits)\n",
    );
    expect(text).toContain("Answers that read p as given, not p / sum(p) (the protocol divides p by its exact sum):\n  renyi2 in normalisation: 3 of 10 answers match p as given, e.g. P: matches p as given (sum(p) = 1 + 5.0e-7)");
    expect(text).toContain("Invalid inputs answered without an error (informational):\n  klFormula: n = 0 -> 0.5 (accepted)\n");
    expect(text).not.toContain("klEstimate:");
  });

  test("subject faults grouped, with requests, evidence, the stop and the end of stderr", () => {
    const f = (detail: string, id: number, evidence: string | null = null): ReportFault => ({ kind: "timeout", detail, evidence, excerpt: null, instance: 1, requests: [{ id, op: "klBon", domain: "standard", label: `L=${id}` }], moreRequests: 0 });
    const nan: ReportFault = { kind: "invalid-response", detail: "value is NaN", evidence: null, excerpt: "NaN", instance: 1, requests: [1, 2, 3, 4].map((id) => ({ id, op: "klBon", domain: "tiny", label: "L=1" })), moreRequests: 6 };
    const text = formatReport(
      reportOf({
        subjectLog: {
          ...reportOf().subjectLog,
          faultCounts: { timeout: 2, "invalid-response": 1 },
          faults: [nan],
          faultGroups: [
            { kind: "timeout", pattern: "no answer for # ms", count: 2, requests: 2, examples: [f("no answer for 10 ms", 5, "E1"), f("no answer for 20 ms", 6, "E1")] },
            { kind: "invalid-response", pattern: "value is NaN", count: 1, requests: 10, examples: [nan] },
          ],
          stoppedBecause: "it was restarted 10 times",
          stderrTail: "line 1\nline 2",
        },
      }),
    );
    expect(text).toContain(
      [
        "Subject faults (timeout x2, invalid-response x1):",
        "  (grouped by kind and message, numbers set aside; the JSON report lists each)",
        "  [timeout] x2: no answer for # ms (2 request(s))",
        "      request 5: klBon in standard, L=5",
        "      request 6: klBon in standard, L=6",
        "      (E1)",
        '  [invalid-response] x1: value is NaN (10 request(s)), e.g. "NaN"',
        "      request 1: klBon in tiny, L=1",
        "      request 2: klBon in tiny, L=1",
        "      request 3: klBon in tiny, L=1",
        "      ... and 7 more request(s)",
        "  the subject stopped: it was restarted 10 times",
        "  subject stderr (end):",
        "    line 1",
        "    line 2",
      ].join("\n"),
    );
  });

  test("no fault section without faults; a stop alone is shown; stderr head when there is no tail", () => {
    expect(formatReport(reportOf())).not.toContain("Subject faults");
    const text = formatReport(reportOf({ subjectLog: { ...reportOf().subjectLog, stoppedBecause: "it could not start", stderrHead: "boom" } }));
    expect(text).toContain("Subject faults ():\n  (grouped by kind and message, numbers set aside; the JSON report lists each)\n  the subject stopped: it could not start\n  subject stderr (end):\n    boom\n");
  });

  test("quarantined ops and requests given up are named as NOT RUN, with no other fault needed; stderr's last 8 lines, trimmed", () => {
    const log = {
      ...reportOf().subjectLog,
      quarantined: [{ op: "klBon", ids: [12, 13, 14], reason: "3 of its requests each killed the subject" }],
      stopped: [
        { op: "klBon", reason: "not sent: op klBon is quarantined", count: 7, sent: false },
        { op: "bonPmf", reason: "sent, but given up", count: 2, sent: true },
      ],
      stderrTail: "\n" + Array.from({ length: 10 }, (_, i) => `t${i + 1}`).join("\n") + "\n\n",
    };
    expect(formatReport(reportOf({ subjectLog: log }))).toContain(
      [
        "Subject faults ():",
        "  (grouped by kind and message, numbers set aside; the JSON report lists each)",
        "  klBon quarantined (its other cases NOT RUN): 3 of its requests each killed the subject",
        "  9 request(s) given up, never graded (NOT RUN): klBon x7, bonPmf x2",
        "  subject stderr (end):",
        ...["t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"].map((l) => `    ${l}`),
        "",
        "Seed 7.",
      ].join("\n"),
    );
  });

  test("exactly 20 fault groups are all shown, with no cut", () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ kind: `k${i}`, pattern: "p", count: 1, requests: 0, examples: [{ kind: `k${i}`, detail: "d", evidence: null, excerpt: null, instance: 1, requests: [], moreRequests: 0 }] }));
    const text = formatReport(reportOf({ subjectLog: { ...reportOf().subjectLog, faultCounts: { k: 20 }, faults: groups.map((g) => g.examples[0]!), faultGroups: groups } }));
    expect(text).toContain("  [k19] x1: d (0 request(s))\n\nSeed 7.");
    expect(text).not.toContain("more group(s)");
  });

  test("more than 20 fault groups are cut with a count", () => {
    const groups = Array.from({ length: 22 }, (_, i) => ({ kind: `k${i}`, pattern: "p", count: 1, requests: 0, examples: [{ kind: `k${i}`, detail: "d", evidence: null, excerpt: null, instance: 1, requests: [], moreRequests: 0 }] }));
    const text = formatReport(reportOf({ subjectLog: { ...reportOf().subjectLog, faultCounts: { k: 22 }, faults: groups.map((g) => g.examples[0]!), faultGroups: groups } }));
    expect(text).toContain("  [k19] x1: d (0 request(s))\n  ... and 2 more group(s) (see the JSON report)\n");
    expect(text).not.toContain("[k20]");
  });

  test("answer times when there is advice; notes", () => {
    const text = formatReport(
      reportOf({
        timing: { timeoutMs: 150, slowest: [{ op: "bonPmf", domain: "standard", label: "L=14", ms: 140 }, { op: "klBon", domain: "ties", label: "L=3", ms: 9 }], timeouts: 4, suggestedTimeoutMs: 1000, advice: "ADVICE" },
        notes: ["first note", "second note"],
      }),
    );
    expect(text).toContain("Answer times: ADVICE\n  longest waits: 140 ms (bonPmf in standard, L=14); 9 ms (klBon in ties, L=3)\n");
    expect(text).toContain("\nNote: first note\n\nNote: second note\n");
    expect(formatReport(reportOf({ timing: { timeoutMs: 1, slowest: [], timeouts: 1, suggestedTimeoutMs: null, advice: "A" } }))).toContain("Answer times: A\n\n");
  });
});

describe("formatReport: whole texts (expected texts written out by hand from the layout of spec/conformance.md)", () => {
  const TABLE_HEAD = "op      domain    cases  worst error  error/tol  verdict  rel err (u)  digits  accurate  remark";
  const PASS_ROW = "bonPmf  standard     10     1.00e-17     0.0100  PASS             1.5    15.8  yes";
  const END = "Seed 7. Replay: npx bonkl check --subject ./impl.mjs --seed 7 --runs 10\nPASS: every checked op passed in every checked domain (1 op x domain pairs graded, 1.2 s)\n";

  test("a passing report has no section beyond the table: header, blank line, table, blank line, replay, summary", () => {
    expect(formatReport(reportOf())).toBe(["bonkl check: module ./impl.mjs", "seed 7, 10 runs, domains: standard", "", TABLE_HEAD, PASS_ROW, "", END].join("\n"));
    expect(lines(formatReport(reportOf({ domains: ["standard", "ties"] })))[1]).toBe("seed 7, 10 runs, domains: standard, ties");
  });

  test("each section follows a blank line and lists only its own pairs", () => {
    const text = formatReport(
      reportOf({
        results: [
          resultOf(),
          resultOf({ op: "klBon", verdict: "NOT RUN", remark: "X", accuracy: accuracyResultOf({ verdict: "not accurate", correctDigits: null }) }),
          resultOf({ op: "renyi2", verdict: "FAIL", remark: "R", worstCase: caseRecordOf({ why: "W" }), accuracy: accuracyResultOf({ verdict: "not accurate" }) }),
          resultOf({ op: "klFormula", verdict: "PASS", accuracy: accuracyResultOf({ verdict: "not accurate", accurate: 9, worstBoundRatio: 2, worstCase: caseRecordOf({ argsSummary: "A", entry: null, answer: 1 }) }) }),
          resultOf({ op: "klEstimate", domain: "normalisation", verdict: "INFO", asGiven: 2, worstCase: null }),
          resultOf({ op: "klEstimate", domain: "invalid", verdict: "SKIP", worstCase: caseRecordOf({ label: "n = 0", status: "accepted" }) }),
          resultOf({ op: "klFormula", domain: "invalid", verdict: "INFO", worstCase: caseRecordOf({ label: "n = -1", answer: 2, status: "accepted" }) }),
        ],
        notes: ["N"],
        timing: { timeoutMs: 150, slowest: [], timeouts: 1, suggestedTimeoutMs: 1000, advice: "ADVICE" },
      }),
    );
    const rest = text.slice(text.indexOf("\n\nFailures"));
    expect(rest).toBe(
      [
        "",
        "",
        "Failures (each failure class with its shrunk example and its worst case):",
        "",
        "  renyi2 in standard: R",
        '    input:    {"p":[0.5,0.5],"n":2}',
        "    case:     L=2 n=2 (case #3)",
        "    answer:   0.75 (entry 0)",
        "    exact in: [2.5e-1, 2.5e-1]",
        "    error:    5.00e-1  tolerance 3.20e-14  (1.56e+13 x tolerance)",
        "    why:      W",
        "",
        "Not graded (never PASS, never FAIL; the run does not exit 0):",
        "  klBon in standard: NOT RUN: X",
        "",
        "Within tolerance but not accurate (beyond the bound a careful implementation meets; --strict fails these):",
        "  klFormula in standard: 1 of 10 cases; worst 2.00 x the bound, relative error 1.5 u (15.8 digits): A -> 1",
        "",
        "Answers that read p as given, not p / sum(p) (the protocol divides p by its exact sum):",
        "  klEstimate in normalisation: 2 of 10 answers match p as given",
        "",
        "Invalid inputs answered without an error (informational):",
        "  klFormula: n = -1 -> 2 (accepted)",
        "",
        "Answer times: ADVICE",
        "",
        "Note: N",
        "",
        END,
      ].join("\n"),
    );
    // the table's digits cell of an accuracy verdict without a digit count
    expect(text).toContain("\nklBon       standard          10     1.00e-17     0.0100  NOT RUN          1.5       -  no        X\n");
  });

  test("a failing class: a regime bound missing or single, a value class not shrunk, the worst case written out", () => {
    const cls = classResultOf({ counterexample: null, regime: { nMin: 5, nMax: 5, smallMin: 1e-3, smallMax: null } });
    const text = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", classes: [cls] })] }));
    expect(text).toContain(
      [
        "  bonPmf in standard: R",
        "  [in-order/value] distinct rewards in order, wrong value: 4 case(s), n 5",
        "    worst case (#9, n=9000, smallest mass or eps 0.250): 8.30e+4 x tolerance",
        '      input:    {"p":[0.25,0.75],"n":9000}',
        "      case:     L=2 n=2 (case #9)",
        "      answer:   0.75 (entry 0)",
        "      exact in: [2.5e-1, 2.5e-1]",
        "      error:    5.00e-1  tolerance 3.20e-14  (8.30e+4 x tolerance)",
        "      why:      off by 0.500, tolerance 3.20e-14 (entry 0)",
        "",
        "Seed 7.",
      ].join("\n"),
    );
    // the pair's own worst case is written only when it has no class (each class writes its worst case)
    const withWorst = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", classes: [cls], worstCase: caseRecordOf({ why: "PAIR WORST" }) })] }));
    expect(withWorst).toContain("  bonPmf in standard: R\n  [in-order/value]");
    expect(withWorst).not.toContain("PAIR WORST");
    // a failing pair with neither a class nor a worst case (as read from a JSON report) is named alone
    const bare = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", classes: [], worstCase: null })] }));
    expect(bare).toContain("\n  bonPmf in standard: R\n\nSeed 7.");
    const nMissing = classResultOf({ regime: { nMin: null, nMax: 9, smallMin: null, smallMax: null } });
    expect(formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", classes: [nMissing] })] }))).toContain("wrong value: 4 case(s)\n");
  });

  test("the shrunk case that is also the worst case is written once", () => {
    const same = classResultOf({ worstCase: caseRecordOf({ index: 9 }) });
    const text = formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", classes: [same] })] }));
    expect(text).toContain("    worst case (#9, n=2, smallest mass or eps 0.500): the shrunk case itself\n\nSeed 7.");
  });

  test("answer lines: the entry for graded answers only; the error line needs both error and tolerance; no ratio is inf", () => {
    const describe = (fields: Parameters<typeof caseRecordOf>[0]) => formatReport(reportOf({ results: [resultOf({ verdict: "FAIL", remark: "R", worstCase: caseRecordOf(fields) })] }));
    expect(describe({ status: "pass", entry: 1 })).toContain("    answer:   0.75 (entry 1)\n");
    expect(describe({ status: "fault", entry: 1 })).toContain("    answer:   0.75\n");
    expect(describe({ error: null })).not.toContain("    error:");
    expect(describe({ tolerance: null })).not.toContain("    error:");
    expect(describe({ ratio: null })).toContain("    error:    5.00e-1  tolerance 3.20e-14  (inf x tolerance)\n");
  });

  test("inputs too long to print name where they are in the JSON report", () => {
    const long = { p: Array<number>(1000).fill(0.001), n: 2 };
    const record = caseRecordOf({ args: long, argsSummary: "LONG" });
    const cls = classResultOf({ counterexample: { ...record, shrinks: 1, path: "0" }, worstCase: caseRecordOf({ args: long, argsSummary: "LONG2" }) });
    const text = formatReport(reportOf({ results: [resultOf(), resultOf({ verdict: "FAIL", remark: "R", classes: [cls] }), resultOf({ verdict: "FAIL", remark: "S", worstCase: record })] }));
    expect(text).toContain("    input:    LONG (whole input: the JSON report, results[1].classes[0].counterexample.args)\n");
    expect(text).toContain("      input:    LONG2 (whole input: the JSON report, results[1].classes[0].worstCase.args)\n");
    expect(text).toContain("    input:    LONG (whole input: the JSON report, results[2].worstCase.args)\n");
  });

  test("a quarantined op alone opens the fault section", () => {
    const log = { ...reportOf().subjectLog, quarantined: [{ op: "klBon", ids: [3], reason: "Q" }] };
    expect(formatReport(reportOf({ subjectLog: log }))).toContain("\n\nSubject faults ():\n  (grouped by kind and message, numbers set aside; the JSON report lists each)\n  klBon quarantined (its other cases NOT RUN): Q\n\nSeed 7.");
  });
});
