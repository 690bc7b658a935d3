import { claims } from "./claims/index.ts";
import { runClaim, baseSeed } from "./run-claim.ts";
const runs = Number(process.argv[2] ?? 50);
const only = process.argv[3];
for (const claim of claims) {
  if (only && !claim.id.includes(only)) continue;
  const r = runClaim(claim, { runs, seed: baseSeed() });
  console.log(`${claim.id.padEnd(45)} ${r.seconds.toFixed(1).padStart(6)}s v=${r.verified} c=${r.consistent} x=${r.refuted} inf=${r.informative} maxbits=${r.maxPrecision} tight=${r.tightest?.slack.toExponential(2)} ratio=${r.largestRatio?.ratio.toFixed(4)}`);
  if (r.counterexample) console.log("   COUNTEREXAMPLE:", r.counterexample.case, r.counterexample.detail, "path", r.counterexample.path);
}
