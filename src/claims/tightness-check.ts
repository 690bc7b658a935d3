/**
 * Measuring a claim's tightness (claim.ts, `Tightness`): decides each case of its family (slack -> 0) or of its
 * supremum points (ratio -> supremum) and says what fails. properties/tightness.test.ts asserts that nothing does;
 * the claims spec shows the values.
 */
import { withArena } from "../numerics/arena.ts";
import { DEFAULT_BUDGET } from "./budget.ts";
import type { Claim } from "./claim.ts";
import type { CertifiedNumber } from "./certified-number.ts";
import { decideCase, type CaseOutcome } from "./decide.ts";

export interface TightnessMeasure {
  readonly kind: "attained" | "loose";
  readonly description: string;
  /** The cases in order, with what deciding each gave. */
  readonly points: readonly { readonly case: string; readonly outcome: CaseOutcome }[];
  /** The supremum's enclosure (loose claims), as doubles rounded outward. */
  readonly supremum: { readonly text: string; readonly lo: number; readonly hi: number } | null;
  /** What does not hold (empty when the claim is as tight as stated). */
  readonly problems: readonly string[];
}

function sizeOf(c: unknown): number {
  const o = c as { dist?: { p?: unknown[] }; components?: { dist: { p: unknown[] } }[] };
  if (o.dist?.p) return o.dist.p.length;
  if (o.components) return o.components.reduce((a, x) => a + x.dist.p.length, 0);
  return 1;
}

/** Bounds of a certified number as doubles (4 significant digits, outward), for comparisons with a stated constant. */
function bounds(c: CertifiedNumber): [number, number] {
  return [Number(c.lo), Number(c.hi)];
}

export function measureTightness<C>(claim: Claim<C>): TightnessMeasure | null {
  const t = claim.tightness;
  if (t === undefined) return null;
  const cases = t.kind === "attained" ? t.family : t.at;
  const budget = { ...DEFAULT_BUDGET, ...claim.budget };
  const points = cases.map((c) => ({ case: claim.describe(c), outcome: decideCase(claim, claim.check, c, budget, sizeOf(c)) }));
  const problems: string[] = [];
  for (const p of points) if (p.outcome.verdict !== "verified") problems.push(`${p.case}: ${p.outcome.how}, not verified`);
  if (t.kind === "attained") {
    const ranks = points.map((p) => p.outcome.slack?.log10 ?? null);
    if (ranks.some((r) => r === null)) problems.push("a case without a positive certified slack");
    else {
      for (let i = 1; i < ranks.length; i++) if (!((ranks[i] as number) < (ranks[i - 1] as number))) problems.push(`the slack does not decrease at ${points[i]!.case}`);
      const last = ranks[ranks.length - 1] as number;
      if (!(last < Math.log10(t.below))) problems.push(`the slack at the last case (${points[points.length - 1]!.outcome.slack?.hi}) is not below ${t.below}`);
    }
    return { kind: t.kind, description: t.description, points, supremum: null, problems };
  }
  const [lo, hi] = withArena(256, (arena) => {
    const v = t.supremum.value(arena);
    return [v.loDouble(), v.hiDouble()];
  });
  const ratios = points.map((p) => p.outcome.ratio ?? null);
  if (ratios.some((r) => r === null)) problems.push("a case without a certified ratio lhs / rhs");
  else {
    const rs = ratios as CertifiedNumber[];
    for (let i = 1; i < rs.length; i++) if (bounds(rs[i]!)[1] < bounds(rs[i - 1]!)[0]) problems.push(`the ratio decreases at ${points[i]!.case}`);
    for (const [i, r] of rs.entries()) if (bounds(r)[0] > hi) problems.push(`the ratio at ${points[i]!.case} (${r.lo}) exceeds the supremum ${t.supremum.text}`);
    const last = rs[rs.length - 1]!;
    const [rlo, rhi] = bounds(last);
    // within 0: the certified ratio (4 digits) contains the supremum; else it is within `within` below it
    const reached = t.within === 0 ? rlo <= hi && lo <= rhi : lo - rlo <= t.within;
    if (!reached) problems.push(`the ratio at the last case ([${last.lo}, ${last.hi}]) is not ${t.within === 0 ? "equal to" : `within ${t.within} of`} ${t.supremum.text}`);
  }
  return { kind: t.kind, description: t.description, points, supremum: { text: t.supremum.text, lo, hi }, problems };
}
