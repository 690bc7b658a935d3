/**
 * How long the subject took, as bonkl saw it, and what --timeout would suit it (spec/conformance.md, "Slow is not
 * hung"). bonkl grades answers in case order and measures how long it waits for each: the time spent idle in `await`,
 * never its own computing. For a subject that works through requests in order, that is a lower bound on the time the
 * subject spent on the answer. When requests time out, the waits tell a slow subject from a hung one: from the
 * answered case with the most outcomes, a time per outcome is extrapolated to the timed-out requests' sizes.
 */
import type { SlowAnswer, TimingSummary } from "./report.ts";
import type { Wait } from "./job-stats.ts";

/** What one (op, domain) pair contributes. */
export interface PairTiming {
  readonly op: string;
  readonly domain: string;
  readonly slowest: Wait | null;
  readonly largest: Wait | null;
  readonly timeouts: number;
  readonly timedOutOutcomes: number;
}

/** Waits listed in the report. */
export const LISTED_WAITS = 3;

/** The smallest 1, 2 or 5 times a power of ten that is >= x (x > 0). */
export function niceCeil(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5]) if (step * power >= x) return step * power;
  return 10 * power;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toPrecision(3)} s` : `${ms.toPrecision(3)} ms`;
}

export function timingSummary(pairs: readonly PairTiming[], timeoutMs: number): TimingSummary {
  const waits = pairs
    .filter((p) => p.slowest !== null)
    .map((p): SlowAnswer => ({ op: p.op, domain: p.domain, label: (p.slowest as Wait).label, ms: Math.round((p.slowest as Wait).ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, LISTED_WAITS);
  const timeouts = pairs.reduce((sum, p) => sum + p.timeouts, 0);
  const longest = waits[0]?.ms ?? 0;
  if (timeouts === 0) {
    // No timeout, but an answer took over half the timeout: say so before a larger input crosses it.
    const close = longest >= timeoutMs / 2 ? `the longest answer took ${seconds(longest)} (${waits[0]!.op} in ${waits[0]!.domain}, ${waits[0]!.label}), over half the --timeout of ${timeoutMs} ms: a larger input may time out.` : null;
    return { timeoutMs, slowest: waits, timeouts, suggestedTimeoutMs: null, advice: close };
  }
  let rate = 0;
  for (const p of pairs) if (p.largest !== null) rate = Math.max(rate, p.largest.ms / p.largest.outcomes); // (outcomes >= 1)
  const outcomes = Math.max(0, ...pairs.map((p) => p.timedOutOutcomes));
  const estimate = Math.max(longest, rate * outcomes);
  const seen = waits.length === 0 ? "no answer arrived to measure" : `the answers that arrived took up to ${seconds(longest)} (${waits[0]!.op} in ${waits[0]!.domain}, ${waits[0]!.label})`;
  const head = `${timeouts} request(s) got no answer within --timeout ${timeoutMs} ms; ${seen}`;
  if (!(estimate >= timeoutMs)) {
    return { timeoutMs, slowest: waits, timeouts, suggestedTimeoutMs: null, advice: `${head}, well within the timeout: the timed-out requests look hung rather than slow.` };
  }
  const suggested = niceCeil(2 * estimate);
  const extrapolated = outcomes > 0 && rate > 0 ? `, about ${seconds(rate)} per outcome, so the timed-out requests (up to L = ${outcomes}) need about ${seconds(estimate)}` : "";
  return {
    timeoutMs,
    slowest: waits,
    timeouts,
    suggestedTimeoutMs: suggested,
    advice: `${head}${extrapolated}. If the subject is slow rather than hung, --timeout ${suggested} should suffice.`,
  };
}
