/**
 * The checker rejects what it must: a hole in coverage, a function that is negative inside a box claimed positive
 * (a test-only variant of the theorem, shifted down), a Taylor or tail region stretched where its argument fails,
 * a region relabelled with another method, an inflated stored bound, a certificate checked against the other
 * theorem, an unknown theorem. Each doctored copy starts from a committed certificate.
 */
import { describe, expect, test } from "vitest";
import { positiveVerdict, segmentInterval } from "./box.ts";
import { parseCertificate, type CertificateJson } from "./certificate.ts";
import { checkCertificate, type CheckReport } from "./check-certificate.ts";
import { gapOverBox } from "./gap-forms.ts";
import { withArena } from "./intervals.ts";
import { certificatePath, PROOFS_DIR, readCertificateFile } from "./proof-files.ts";
import { gapTheorem, slopeTheorem, type Theorem } from "./theorems.ts";
import { at } from "./test-helpers.ts";

function committed(theorem: Theorem): CertificateJson {
  return JSON.parse(readCertificateFile(certificatePath(PROOFS_DIR, theorem.id)).text) as CertificateJson;
}

function check(json: CertificateJson, theorem?: Theorem): CheckReport {
  const certificate = parseCertificate(json);
  return theorem === undefined ? checkCertificate(certificate) : checkCertificate(certificate, theorem);
}

function regionOf(json: CertificateJson, method: string) {
  const region = json.regions.find((r) => r.method === method);
  if (region === undefined) throw new Error(`no ${method} region`);
  return region;
}

function failures(report: CheckReport): string[] {
  return [...report.regions.flatMap((r) => r.failures), ...report.coverage];
}

describe("the checker rejects doctored certificates", () => {
  test("the committed ones pass as they are (the baseline of every doctored copy)", () => {
    for (const theorem of [gapTheorem, slopeTheorem]) expect(failures(check(committed(theorem)))).toEqual([]);
  });

  test("a gap in coverage: one middle strip removed", () => {
    const json = committed(gapTheorem);
    const middle = regionOf(json, "interval");
    const removed = middle.strips.splice(2, 1)[0];
    const report = check(json);
    expect(report.ok).toBe(false);
    expect(report.coverage).toEqual([`gap in coverage: y in (${removed?.y[0]}, ${removed?.y[1]}) is in no strip`]);
  });

  test("a gap in v: the last cut of a strip dropped, and the n = 1 line removed", () => {
    const json = committed(slopeTheorem);
    const strip = regionOf(json, "interval").strips[0];
    strip?.v.pop();
    strip?.lower.pop();
    json.regions = json.regions.filter((r) => r.method !== "exact-n1");
    const report = check(json);
    expect(report.ok).toBe(false);
    expect(report.coverage).toContain("the line v = 1 (n = 1) is not covered: no exact-n1 region");
    expect(report.coverage.some((p) => p.endsWith("the v cuts must end at 0.5"))).toBe(true);
  });

  test("a function negative inside boxes claimed positive: A - 0.2 (test-only variant) fails, and truly negative boxes are among the failures", () => {
    const shift = 0.2;
    const shifted: Theorem = {
      ...gapTheorem,
      checks: {
        ...gapTheorem.checks,
        interval: (arena, box) => positiveVerdict([gapOverBox(segmentInterval(arena, box.y0, box.y1), segmentInterval(arena, box.v0, box.v1)).addDouble(-shift)], "A - 0.2"),
      },
    };
    const report = check(committed(gapTheorem), shifted);
    expect(report.ok).toBe(false);
    const failed = report.regions.find((r) => r.method === "interval")?.failures ?? [];
    expect(failed.length).toBeGreaterThan(0);
    // some failing box has a corner where A - 0.2 < 0 for certain: the checker caught a real sign change
    const negativeCorner = failed.some((failure) => {
      const match = /y in \[([\d.]+), ([\d.]+)\], v in \[([\d.]+), ([\d.]+)\]/.exec(failure);
      if (match === null) return false;
      const [y0, y1, v0, v1] = match.slice(1).map(Number) as [number, number, number, number];
      return withArena(128, (arena) =>
        [y0, y1].some((y) => [v0, v1].some((v) => gapOverBox(at(arena, y), at(arena, v)).addDouble(-shift).isNegative())),
      );
    });
    expect(negativeCorner).toBe(true);
    expect(failed[0]).toMatch(/A - 0\.2 is not certainly > 0/);
  });

  test("the same variant shifted by a harmless 1e-6 still passes: the rejection above is not an artefact", () => {
    const shifted: Theorem = {
      ...gapTheorem,
      checks: {
        ...gapTheorem.checks,
        interval: (arena, box) => positiveVerdict([gapOverBox(segmentInterval(arena, box.y0, box.y1), segmentInterval(arena, box.v0, box.v1)).addDouble(-1e-6)], "A - 1e-6"),
      },
    };
    const report = check(committed(gapTheorem), shifted);
    // stored bounds are the unshifted ones, so only the stored-bound comparison may complain
    expect(report.regions.flatMap((r) => r.failures).every((f) => f.includes("is above the recomputed"))).toBe(true);
  });

  test("a Taylor region stretched to y = 6, where pA < 0, is rejected", () => {
    const json = committed(gapTheorem);
    const strip = regionOf(json, "taylor").strips[0];
    if (strip) strip.y[1] = "6";
    const report = check(json);
    expect(report.ok).toBe(false);
    expect(failures(report).some((f) => f.includes("pA is not certainly > 0"))).toBe(true);
  });

  test("a tail started at y = 6, where log 6 - 2 < 0, is rejected; so is the slope's tail at 4", () => {
    const gap = committed(gapTheorem);
    const gapTail = regionOf(gap, "tail").strips[0];
    if (gapTail) gapTail.y[0] = "6";
    expect(failures(check(gap)).some((f) => f.includes("a tail hypothesis is not certainly > 0"))).toBe(true);
    const slope = committed(slopeTheorem);
    const slopeTail = regionOf(slope, "tail").strips[0];
    if (slopeTail) slopeTail.y[0] = "4";
    expect(check(slope).ok).toBe(false);
  });

  test("tampered regions: a middle strip relabelled tail, the Taylor strip relabelled interval", () => {
    const json = committed(gapTheorem);
    regionOf(json, "interval").method = "tail";
    regionOf(json, "taylor").method = "interval";
    const all = failures(check(json));
    expect(all.some((f) => f.includes("a tail box must end at y = inf"))).toBe(true);
    expect(all.some((f) => f.includes("an interval box must start at y0 > 0"))).toBe(true);
  });

  test("a stored lower bound above the recomputed one is rejected", () => {
    const json = committed(gapTheorem);
    const strip = regionOf(json, "interval").strips[0];
    if (strip) strip.lower[0] = "9";
    expect(failures(check(json)).some((f) => /stored lower bound 9 is above the recomputed/.test(f))).toBe(true);
  });

  test("a certificate proves its own theorem only: the gap's boxes do not prove the slope", () => {
    const json = committed(gapTheorem);
    json.theorem = slopeTheorem.id;
    expect(check(json).ok).toBe(false);
  });

  test("an unknown theorem is invalid, not an exception", () => {
    const json = committed(gapTheorem);
    json.theorem = "riemann-hypothesis";
    const report = check(json);
    expect(report.ok).toBe(false);
    expect(report.coverage).toEqual(['unknown theorem "riemann-hypothesis"']);
  });

  test("a failing evaluation is reported per box, never thrown", () => {
    const throwing: Theorem = { ...gapTheorem, checks: { ...gapTheorem.checks, tail: () => { throw new Error("boom"); } } };
    const report = check(committed(gapTheorem), throwing);
    expect(report.ok).toBe(false);
    expect(failures(report).some((f) => f.endsWith("evaluation failed: boom"))).toBe(true);
  });
});
