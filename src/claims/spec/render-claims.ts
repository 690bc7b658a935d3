/**
 * Renders spec/claims.md from the claim definitions (src/claims/paper: statements, derivations, tightness), the
 * committed results of the last deep run (spec/claims/deep-run.json) and the tightness checks (computed here, at the
 * default budget). Deterministic: the same inputs give the same bytes, and a test fails when the committed document
 * differs from a fresh rendering.
 */
import { readFileSync } from "node:fs";
import { claimProofs } from "../paper/proofs.ts";
import { join, posix } from "node:path";
import { PACKAGE_ROOT } from "../source-path.ts";
import type { Claim, MergedClaim } from "../claim.ts";
import { claimFiles, claims, mergedClaims } from "../paper/index.ts";
import { type ClaimsResults, informativeShare, status } from "../report.ts";
import type { ClaimRun } from "../run-claim.ts";
import { DEFAULT_BUDGET } from "../budget.ts";
import { showCertified, type CertifiedNumber } from "../certified-number.ts";
import { measureTightness } from "../tightness-check.ts";

export const RESULTS_PATH = "spec/claims/deep-run.json";

/**
 * Where each function of the oracle's Interval-level API is computed, read from that API's re-exports
 * (src/oracle/interval-api.ts: `export { name, ... } from "./file.ts"`), for links from the spec.
 */
function oracleFiles(): ReadonlyMap<string, string> {
  const api = "src/oracle/interval-api.ts";
  const text = readFileSync(join(PACKAGE_ROOT, api), "utf8");
  const files = new Map<string, string>();
  for (const [, names, from] of text.matchAll(/^export \{([^}]*)\} from "(\.[^"]+)";$/gm)) {
    for (const name of (names as string).split(",").map((n) => n.trim().replace(/^type /, ""))) files.set(name, posix.join(posix.dirname(api), from as string));
  }
  return files;
}

function oracleLinks(claim: Claim<unknown>, files: ReadonlyMap<string, string>): string {
  return claim.oracle
    .map((name) => {
      const key = name.split(" ")[0] as string;
      const file = files.get(key);
      return file ? `[\`${name}\`](../${file})` : `\`${name}\``;
    })
    .join(", ");
}

/** A certified number for the spec: its 3 certified digits, or its enclosure "[lo, hi]". */
function show(c: CertifiedNumber | null | undefined): string {
  return showCertified(c);
}

/** A certified number with both bounds: "1.5e-137 (in [1.498e-137, 1.502e-137])". */
function showWithBounds(c: CertifiedNumber): string {
  return c.digits === null ? `in [${c.lo}, ${c.hi}]` : `${c.digits} (in [${c.lo}, ${c.hi}])`;
}

function statusSentence(claim: Claim<unknown>, run: ClaimRun): string {
  const s = status(claim, run);
  const counts = `${run.verified} verified, ${run.equal} equal (exact), ${run.consistent} consistent`;
  if (s === "REFUTED") return `**refuted** after ${run.runs} cases: see the counterexample below`;
  if (s === "refuted (known)") return `**refuted** (a known failure beyond the paper's assumptions; counterexample below)`;
  if (s === "not refuted (expected)") return `not refuted in ${run.runs} cases, although a counterexample is known (below)`;
  return `${s} on ${run.runs} cases: ${counts}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** The identities of section 1, in the order the chain of consequences reads them. */
const STRUCTURE: readonly string[] = [
  "identity.thm3-bound-is-formula-minus-estimate",
  "identity.estimate-minus-kl-factors",
  "identity.gap-telescopes",
  "identity.upper-minus-estimate",
  "identity.thm3-minus-cor3",
];

function link(id: string): string {
  return `[${id}](#${anchor(id)})`;
}

/** Prose with every claim id it names turned into a link to that claim (longest ids first, whole ids only). */
function linkIds(text: string): string {
  const ids = [...(claims as readonly Claim<unknown>[]).map((c) => c.id), ...mergedClaims.map((m) => m.id)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w.+-])(${ids.map((id) => id.replace(/[.+]/g, (c) => `\\${c}`)).join("|")})(?![\\w+-]|\\.\\w)`, "g");
  return text.replace(pattern, (id) => link(id));
}

/** "9000 verified: enclosures of both sides; 900 equal (exact): n = 1; ..." */
function breakdownText(run: ClaimRun): string {
  return Object.entries(run.breakdown)
    .map(([how, count]) => `${count} ${how}`)
    .join("; ");
}

function structureSection(lines: string[]): void {
  const byId = new Map((claims as readonly Claim<unknown>[]).map((c) => [c.id, c]));
  lines.push("## The structure");
  lines.push("");
  lines.push(
    "Five identities, each a claim of kind *identity* checked by enclosures at random points, tie the paper's statements together. With e = eps_infinity (the top reward level's mass), q = (1 - e)^n, A(e, n) the middle expression of Eq. (21), KLhat Eq. (28), KLhat_1 Eq. (26) and p' = p conditioned on the reward levels below the top:",
  );
  lines.push("");
  STRUCTURE.forEach((id, i) => {
    const claim = byId.get(id);
    if (claim === undefined) return;
    lines.push(`${i + 1}. ${link(id)}: ${claim.statement}.`);
  });
  lines.push("");
  lines.push(
    "The chain of consequences: A(e, n) >= 0 for every e in (0, 1] and n >= 1 ([thm3.bound-nonnegative](#thm3bound-nonnegative)) makes every term of identity 3 non-negative, which is Theorem 1 for every finite p, hence Corollary 1 (an average over prompts); the terms below the top add up to q gap(p') >= 0, which is Theorem 3, and by identity 1 Theorem 4 is the same statement (so is `ours.estimate-le-formula` as Eq. (21)'s A >= 0: both are kept as merged entries below and tested once). Identity 5 gives Corollary 3 from Theorem 3. Identities 2 and 4 also decide strict cases whose slack is far below any working precision: the slack is evaluated in factored form, as an enclosure of its log. The derivations are written with each identity below.",
  );
  lines.push("");
}

export function renderClaims(results: ClaimsResults): string {
  const files = oracleFiles();
  const byId = new Map(results.claims.map((r) => [r.id, r]));
  const lines: string[] = [];
  lines.push("# The claims of the paper, checked");
  lines.push("");
  lines.push("<!-- Generated by `npm run spec` from src/claims/paper/*.ts and spec/claims/deep-run.json. Do not edit by hand. -->");
  lines.push("");
  lines.push(
    "Each claim of Beirami et al., *Theoretical guarantees on the best-of-n alignment policy* (arXiv 2401.01879v1), and a few consequences and identities of our own, is a fast-check property over random cases. Every case is decided (spec/README.md, *Numerical conventions*): **equal (exact)** when algebra on the case's exact data shows both sides equal (n = 1, one reward level, ...: each claim states which); **verified** when certified enclosures prove the claim, either by comparing the enclosures of both sides or, for strict cases whose slack is far below the working precision, by evaluating the slack in a factored form (an enclosure of its log); **refuted** when they prove its negation; **consistent** when still undecided at the precision cap. Identities between irrational quantities can only be consistent (or refuted); exact checks (rational arithmetic) are verified outright; the statistical check is consistent at its significance level or refuted. Slacks (rhs - lhs) and ratios (lhs / rhs) are certified enclosures, shown by their 3 certified digits, or as [lo, hi] when the enclosure is too wide for 3 digits; slacks far below the double range are kept (1e-137, 10^-2.7e9).",
  );
  lines.push("");
  lines.push(
    `Figures below come from the deep run: \`${results.command}\` (base seed ${results.seed}, ${results.runsPerClaim} cases per claim, precision cap ${results.budget.maxPrecision} bits lowered for large cases so that size x cap <= ${results.budget.sizeCap}, node ${results.node}, bonkl ${results.bonkl}, ${Math.round(results.seconds)} s of computing, finished ${results.finished}). \`npm test\` runs the same properties with ${DEFAULT_BUDGET.maxPrecision}-bit cap and 200 cases per claim. The tightness lines are computed by \`npm run spec\` at the default budget (properties/tightness.test.ts checks them).`,
  );
  lines.push("");
  lines.push(
    "Kinds: *theorem*, *lemma*, *corollary*, *example* are the paper's statements; *identity* is an exact identity (the paper's, or one of the structure below); *conjecture* is a statement tested as a conjecture (it may fail); *ours* is a statement of ours (the paper's claims beyond its assumptions, or natural consequences). A status that begins with *proved* marks a claim proved for every p and n by the certificates of [proofs.md](proofs.md) (re-checked by `npx bonkl prove --check` in `npm test`); the counts after it are the sampled evidence.",
  );
  lines.push("");
  structureSection(lines);
  lines.push("## Summary");
  lines.push("");
  lines.push("| claim | paper | kind | status | cases | verified | equal (exact) | consistent | informative | tightest slack |");
  lines.push("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
  const merged = new Map<string, MergedClaim[]>();
  for (const m of mergedClaims) merged.set(m.sameAs, [...(merged.get(m.sameAs) ?? []), m]);
  for (const claim of claims as readonly Claim<unknown>[]) {
    const run = byId.get(claim.id);
    if (run === undefined) {
      lines.push(`| ${link(claim.id)} | ${escapeCell(claim.paper ?? "ours")} | ${claim.kind} | not run | - | - | - | - | - | - |`);
    } else {
      lines.push(
        `| ${link(claim.id)} | ${escapeCell(claim.paper ?? "ours")} | ${claim.kind} | ${claimProofs.has(claim.id) ? `proved; ${status(claim, run)}` : status(claim, run)} | ${run.runs} | ${run.verified} | ${run.equal} | ${run.consistent} | ${informativeShare(run)} | ${escapeCell(show(run.tightest?.slack))} |`,
      );
    }
    for (const m of merged.get(claim.id) ?? []) {
      lines.push(`| ${link(m.id)} | ${escapeCell(m.paper ?? "ours")} | ${m.kind} | same as ${m.sameAs} | - | - | - | - | - | - |`);
    }
  }
  lines.push("");
  lines.push("## Claims");
  for (const claim of claims as readonly Claim<unknown>[]) {
    const run = byId.get(claim.id);
    lines.push("");
    lines.push(`### ${claim.id}`);
    lines.push("");
    lines.push(`**${claim.title}.** ${claim.paper ? `${claim.paper}.` : "Not in the paper."} Kind: ${claim.kind}.`);
    lines.push("");
    lines.push(`- **Statement:** ${claim.statement}`);
    lines.push(`- **Domain:** ${claim.domain}`);
    lines.push(`- **Ties and zero masses:** ${claim.reading}`);
    lines.push(`- **Decision:** ${decisionText(claim)}`);
    if (run === undefined) lines.push("- **Status:** not in the results file");
    else {
      lines.push(`- **Status:** ${statusSentence(claim, run)}; highest working precision used: ${run.maxPrecision} bits.`);
      lines.push(`- **How the cases were decided:** ${breakdownText(run)}.`);
      if (run.tightest) lines.push(`- **Tightest verified case:** slack ${showWithBounds(run.tightest.slack)}${run.tightest.ratio !== null ? ` (ratio ${show(run.tightest.ratio)})` : ""} at ${run.tightest.case}`);
      if (run.largestRatio) lines.push(`- **Largest ratio lhs/rhs among verified cases:** ${showWithBounds(run.largestRatio.ratio)} at ${run.largestRatio.case}`);
      if (claim.informativeMeans) lines.push(`- **Informative:** ${informativeShare(run)} of the cases (${claim.informativeMeans})`);
      if (run.counterexample) {
        lines.push(`- **Counterexample found:** ${run.counterexample.case}${run.counterexample.detail ? ` (${run.counterexample.detail})` : ""}; replay: \`npx bonkl claims --id ${claim.id} --seed ${results.seed} --path ${run.counterexample.path}\``);
      }
    }
    const tight = measureTightness(claim);
    if (tight !== null) lines.push(`- **Tightness:** ${tightnessText(tight)}`);
    const proof = claimProofs.get(claim.id);
    if (proof !== undefined) {
      const certificates = proof.theorems.map((t) => `[${t}](proofs/${t}.json)`).join(" and ");
      lines.push(`- **Proved** for every p and every n, not only on the cases sampled: from the certificate${proof.theorems.length > 1 ? "s" : ""} ${certificates} ([proofs.md](proofs.md); \`npx bonkl prove --check\` re-checks them), ${linkIds(proof.argument)}`);
    }
    if (claim.derivation) lines.push(`- **Derivation:** ${linkIds(claim.derivation)}`);
    if (claim.refutedBy) {
      lines.push(`- **Pinned counterexample** (properties/regressions.test.ts): ${claim.describe(claim.refutedBy.counterexample)}. ${claim.refutedBy.explanation}`);
      lines.push(`- **Corrected form:** ${claim.refutedBy.correctedBy ? link(claim.refutedBy.correctedBy) : "none asserted"}`);
    }
    if (claim.nearMiss) lines.push(`- **Near miss** (must be refuted on a case with n >= 2 and at least two reward levels, properties/near-miss.test.ts): ${claim.nearMiss.description}`);
    if (claim.notes) lines.push(`- **Notes:** ${claim.notes}`);
    lines.push(`- **Property:** [${claimFiles.get(claim.id) ?? "src/claims/paper"}](../${claimFiles.get(claim.id) ?? "src/claims/paper"}); **oracle:** ${oracleLinks(claim, files)}`);
    for (const m of merged.get(claim.id) ?? []) {
      lines.push("");
      lines.push(`### ${m.id}`);
      lines.push("");
      lines.push(`**${m.title}.** ${m.paper ? `${m.paper}.` : "Not in the paper."} Kind: ${m.kind}.`);
      lines.push("");
      lines.push(`- **Statement:** ${m.statement}`);
      lines.push(`- **Status:** the same statement as ${link(m.sameAs)}, by ${link(m.via)}; not tested twice.`);
      lines.push(`- **Notes:** ${linkIds(m.note)}`);
    }
  }
  lines.push("");
  return lines.join("\n");
}

function tightnessText(t: NonNullable<ReturnType<typeof measureTightness>>): string {
  const values = t.points.map((p) => (t.kind === "attained" ? show(p.outcome.slack) : show(p.outcome.ratio))).join(", ");
  if (t.kind === "attained") return `attained in the limit: ${t.description}; slack ${values}${t.problems.length > 0 ? ` (PROBLEM: ${t.problems.join("; ")})` : ""}.`;
  return `loose: ${t.description}; sup lhs/rhs = ${t.supremum?.text}, ratio ${values} at those cases${t.problems.length > 0 ? ` (PROBLEM: ${t.problems.join("; ")})` : ""}.`;
}

function decisionText(claim: Claim<unknown>): string {
  switch (claim.decision) {
    case "inequality":
      return `exact equalities set apart by algebra; otherwise compare enclosures (both sides, or the slack in factored form where the claim has one), doubling the working precision from 128 bits until they decide${claim.budget?.maxPrecision ? ` (cap ${claim.budget.maxPrecision} bits for this claim)` : ""}`;
    case "identity":
      return "compare enclosures at a fixed precision: disjoint enclosures refute, overlapping ones are consistent";
    case "exact":
      return "exact rational arithmetic (big.js / bigint): verified or refuted outright";
    case "statistical":
      return "statistical test at the stated significance level: consistent or refuted";
  }
}

/** GitHub's anchor of a heading. */
export function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

export function loadResults(path = join(PACKAGE_ROOT, RESULTS_PATH)): ClaimsResults {
  return JSON.parse(readFileSync(path, "utf8")) as ClaimsResults;
}
