/**
 * The oracle's speed as a user meets it (issue 13, phase 1: measure): KL(pi_n || p) to 40 digits through the real
 * `bonkl serve` process, cold and warm, against the oracle called directly, mpmath (uncertified) and Arb
 * (certified), all in the same run. The main target row is L = 1e4, n = 1e6; the table spans
 * n in {10, 1e3, 1e6} x L in {1e2, 1e3, 1e4, 1e5} so the growth with L and n shows.
 */
import { buildArbAnchor } from "./arb-anchor.ts";
import { BONKL_COMMAND_TEXT } from "./bonkl-cli.ts";
import { cyclicSevenDistribution, powerLabel } from "./kl-input.ts";
import { measureRow, type RowPlan, type RowResult } from "./kl-speed-row.ts";
import { mpmathMissing } from "./mpmath-runner.ts";
import type { BenchResult } from "./result.ts";

const DIGITS = 40;
const MAIN = { L: 10_000, n: 1_000_000 };

function seconds(x: number): string {
  return Number.isFinite(x) ? x.toFixed(x < 10 ? 3 : 1) : "-";
}

function ratio(a: number, b: number | null): string {
  return b === null ? "-" : (a / b).toFixed(2);
}

function mpmathSeconds(r: RowResult): number | null {
  return r.mpmath === null || r.mpmath instanceof Error ? null : r.mpmath.seconds;
}

function arbSeconds(r: RowResult): number | null {
  return r.arb === null || r.arb instanceof Error ? null : r.arb.seconds;
}

function passesText(r: RowResult): string {
  return r.direct.passes.map((p) => p.bits).join("+");
}

const COLUMNS: [string, number][] = [
  ["L", 6],
  ["n", 6],
  ["start-up", 8],
  ["cold", 7],
  ["cold req", 8],
  ["warm", 7],
  ["direct", 8],
  ["pass bits", 9],
  ["calls/pass", 10],
  ["mpmath", 7],
  ["dps", 3],
  ["Arb", 6],
  ["Arb bits (passes)", 17],
  ["cold/mp", 7],
  ["cold/Arb", 8],
];

function line(cells: string[]): string {
  return `  ${cells.map((c, i) => c.padStart((COLUMNS[i] as [string, number])[1])).join(" ")}`;
}

function rowLine(r: RowResult): string {
  const mp = mpmathSeconds(r);
  const arb = arbSeconds(r);
  const calls = r.direct.passes.map((p) => p.transcendental);
  return line([
    powerLabel(r.plan.L),
    powerLabel(r.plan.n),
    seconds(r.serve.startup),
    seconds(r.serve.cold),
    seconds(r.serve.coldRequest),
    seconds(r.serve.warm),
    `${seconds(r.direct.seconds)}${r.direct.instrumentedOnly ? "*" : ""}`,
    passesText(r),
    calls.every((c) => c === calls[0]) ? String(calls[0]) : calls.join("/"),
    mp === null ? "-" : seconds(mp),
    r.mpmath === null || r.mpmath instanceof Error ? "-" : String(r.mpmath.dps),
    arb === null ? "-" : seconds(arb),
    r.arb === null || r.arb instanceof Error ? "-" : `${r.arb.precision} (${r.arb.passes})`,
    ratio(r.serve.cold, mp),
    ratio(r.serve.cold, arb),
  ]);
}

function rowProblems(r: RowResult): string[] {
  const where = `L = ${powerLabel(r.plan.L)}, n = ${powerLabel(r.plan.n)}`;
  const problems: string[] = [];
  if (r.mpmath instanceof Error) problems.push(`${where}: ${r.mpmath.message}`);
  if (r.arb instanceof Error) problems.push(`${where}: ${r.arb.message}`);
  if (!r.checks.serveMatchesDirect) problems.push(`${where}: bonkl serve answered ${r.serve.value}, the direct call certifies ${r.direct.enclosure.certifiedDecimal(r.plan.digits)}`);
  if (r.checks.mpmathCorrect === false) problems.push(`${where}: mpmath's value ${(r.mpmath as { value: string }).value} does NOT carry ${r.plan.digits} correct digits (certified enclosure ${r.serve.enclosure.join(", ")})`);
  if (r.checks.arb !== null && !r.checks.arb.intersects) problems.push(`${where}: Arb's ball and bonkl's enclosure are DISJOINT (one of them is wrong): Arb ${(r.arb as { value: string }).value}, bonkl ${r.direct.enclosure.toString()}`);
  return problems;
}

function plan(L: number, n: number, quick: boolean, main: boolean): RowPlan {
  const huge = L >= 100_000;
  return {
    L,
    n,
    p: cyclicSevenDistribution(L),
    digits: DIGITS,
    serveProcesses: main && !quick ? 3 : 1,
    warmRepeats: huge ? 1 : 2,
    directRepeats: huge ? 0 : quick ? 1 : 3,
    mpmathRepeats: huge || quick ? 1 : 3,
    arbRepeats: huge ? 1 : 3,
  };
}

export async function serveBench(log: (line: string) => void, options: { quick: boolean }): Promise<BenchResult[]> {
  const missingMpmath = mpmathMissing();
  const arb = buildArbAnchor();
  const tools = { mpmath: missingMpmath === null, arb };
  log(`  KL(pi_n || p) to ${DIGITS} digits; p_i proportional to 1 + (i mod 7), sent as binary64 JSON numbers; \`${BONKL_COMMAND_TEXT} serve --digits ${DIGITS}\``);
  if (missingMpmath !== null) log(`  mpmath comparison skipped: ${missingMpmath}`);
  if (!arb.available) log(`  ${arb.reason}`);

  const main = await measureRow(plan(MAIN.L, MAIN.n, options.quick, true), tools);
  const mainMp = mpmathSeconds(main);
  const mainArb = arbSeconds(main);
  const processes = main.plan.serveProcesses;
  log(`  main row: L = 1e4, n = 1e6 (serve: ${processes} fresh process${processes > 1 ? "es, medians" : ""}; warm: best of ${processes * main.plan.warmRepeats})`);
  log(`    bonkl serve cold (spawn -> answer)         ${seconds(main.serve.cold)} s   = start-up ${seconds(main.serve.startup)} s + request alone ${seconds(main.serve.coldRequest)} s`);
  log(`    bonkl serve warm (same request again)      ${seconds(main.serve.warm)} s`);
  log(`    oracle called directly (in this process)   ${seconds(main.direct.seconds)} s   passes ${passesText(main)} bits, ${main.direct.passes.map((p) => p.transcendental).join(" + ")} transcendental MPFR calls`);
  if (mainMp !== null && !(main.mpmath instanceof Error) && main.mpmath !== null) log(`    mpmath, dps ${main.mpmath.dps} (${main.mpmath.backend} backend, uncertified)  ${seconds(mainMp)} s   ${main.checks.mpmathCorrect ? `${DIGITS} correct digits (checked against bonkl's enclosure)` : `NOT ${DIGITS} correct digits`}`);
  if (mainArb !== null && main.arb !== null && !(main.arb instanceof Error)) {
    const agreement = main.checks.arb;
    log(`    Arb (FLINT ball arithmetic, certified)     ${seconds(mainArb)} s   ${main.arb.passes} passes to ${main.arb.precision} bits; ball ${agreement?.intersects ? "intersects" : "is DISJOINT from"} bonkl's enclosure, its midpoint ${agreement?.midpointInside ? "inside" : "OUTSIDE"} it`);
  }
  log(`    value ${main.serve.value} (serve${main.checks.serveMatchesDirect ? " = direct call" : ", DIFFERS from the direct call"})`);
  for (const problem of rowProblems(main)) log(`    ! ${problem}`);

  log("");
  log("  table (times in s; cold = spawn -> answer; cold req = the first request alone; warm = best repeat; direct = best of");
  log(`  ${options.quick ? 1 : 3} in-process calls, * = the one instrumented call; calls/pass = transcendental MPFR calls per pass; ratios: serve`);
  log("  cold over mpmath and over Arb; L = 1e5 rows: 1 repetition each)");
  log(line(COLUMNS.map(([name]) => name)));
  const rows: RowResult[] = [];
  const sizes = options.quick ? [100, 1000, 10_000] : [100, 1000, 10_000, 100_000];
  for (const n of [10, 1000, 1_000_000]) {
    for (const L of sizes) {
      const row = L === MAIN.L && n === MAIN.n ? main : await measureRow(plan(L, n, options.quick, false), tools);
      rows.push(row);
      log(rowLine(row));
      for (const problem of rowProblems(row)) log(`    ! ${problem}`);
    }
  }

  const perL = rows.flatMap((r) => r.direct.passes.map((p) => p.transcendental / r.plan.L));
  const passCounts = [...new Set(rows.map((r) => passesText(r)))];
  if (rows.some((r) => r.direct.passes.length === 0)) log("  ! the MPFR instrumentation counted no transcendental call in some row: the oracle no longer calls through the shared binding object, so the cost model below is incomplete");
  if (perL.length > 0) log(
    `  cost model (counted, not assumed): each pass makes ${Math.min(...perL).toFixed(2)} to ${Math.max(...perL).toFixed(2)} transcendental MPFR calls ` +
      `per outcome, i.e. O(L) per pass; passes per request: ${passCounts.join(", ")} bits (serve starts at the bits the digits need plus guard bits, in whole limbs: 192 for 40 digits, and doubles while an enclosure is too wide).`,
  );

  const results: BenchResult[] = [];
  if (mainMp !== null) {
    const r = main.serve.cold / mainMp;
    results.push({ name: "serve cold, L = 1e4, n = 1e6, 40 digits, vs mpmath (moonshot 0.5x)", value: r, unit: "x", target: "<= 1.0x", pass: r <= 1 && main.checks.mpmathCorrect === true });
  }
  if (mainArb !== null) {
    const r = main.serve.cold / mainArb;
    results.push({ name: "serve cold, L = 1e4, n = 1e6, 40 digits, vs Arb", value: r, unit: "x", target: "<= 4x", pass: r <= 4 });
  }
  const checked = rows.filter((r) => r.checks.arb !== null);
  if (checked.length > 0) {
    const disjoint = checked.filter((r) => !r.checks.arb!.intersects).length;
    const inside = checked.filter((r) => r.checks.arb!.midpointInside).length;
    log(`  Arb cross-check: Arb's ball intersects bonkl's enclosure in ${checked.length - disjoint} of ${checked.length} rows; Arb's midpoint lies inside bonkl's enclosure in ${inside} of ${checked.length} (both are far narrower than 40 digits: a midpoint outside the other's tighter enclosure is no error)`);
    results.push({ name: `Arb ball vs bonkl enclosure, ${checked.length} rows (disjoint = one is wrong)`, value: disjoint, unit: "disjoint", target: "0 disjoint", pass: disjoint === 0 });
  }
  const withMp = rows.filter((r) => r.checks.mpmathCorrect !== null);
  if (withMp.length > 0) {
    const wrong = withMp.filter((r) => r.checks.mpmathCorrect === false).length;
    results.push({ name: `mpmath at the chosen dps carries 40 correct digits, ${withMp.length} rows`, value: wrong, unit: "rows wrong", target: "0 rows wrong", pass: wrong === 0 });
  }
  const mismatched = rows.filter((r) => !r.checks.serveMatchesDirect).length;
  results.push({ name: `serve answer = direct call's certified digits, ${rows.length} rows`, value: mismatched, unit: "rows differ", target: "0 rows differ", pass: mismatched === 0 });
  return results;
}
