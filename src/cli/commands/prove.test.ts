/**
 * bonkl prove: --check on the committed certificates (exit 0), on a doctored one (exit 1, the failure named), on
 * files that are missing or not certificates (a clear error naming the file); --search into a directory; --list;
 * usage errors. One run goes through the real command line.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { UsageError } from "../../errors.ts";
import { proveCommand } from "./prove.ts";

const GAP = "spec/proofs/gap-nonnegative.json";
const SLOPE = "spec/proofs/estimate-nonincreasing.json";
const dir = mkdtempSync(join(tmpdir(), "bonkl-prove-"));

async function outputOf(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await proveCommand.run(argv), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bonkl prove", () => {
  test("--check on the committed certificates: VALID, exit 0", async () => {
    const { code, out } = await outputOf(["--check", GAP, SLOPE]);
    expect(code).toBe(0);
    expect(out).toMatch(/gap-nonnegative\.json: theorem gap-nonnegative/);
    expect(out).toMatch(/coverage {2}y in \(0, inf\] x v in \[0, 1\/2\] and v = 1: covered/);
    expect(out.match(/^VALID: \d+ boxes re-checked at 128 bits/gm)).toHaveLength(2);
    expect(out).toContain("2 of 2 certificates valid");
  });

  test("--check on a doctored certificate: INVALID, exit 1, with the failing box", async () => {
    const json = JSON.parse(readFileSync(GAP, "utf8"));
    json.regions[1].strips[0].y[1] = "6"; // the Taylor region stretched where its bound fails
    const path = join(dir, "doctored.json");
    writeFileSync(path, JSON.stringify(json));
    const { code, out } = await outputOf(["--check", path]);
    expect(code).toBe(1);
    expect(out).toMatch(/taylor .*FAILED/);
    expect(out).toMatch(/regions\[1\]\.strips\[0\] box \d+ \(y in \[0, 6\], v in \[[\d.]+, [\d.]+\]\): pA is not certainly > 0/);
    expect(out).toMatch(/^INVALID: /m);
  });

  test("a missing file, a file that is not JSON, a JSON file that is not a certificate: INVALID each, the others still checked", async () => {
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ regions: ");
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ format: "bonkl-proof/1", theorem: "gap-nonnegative", precision: 128, search: { seconds: 0, command: "" }, regions: [{ method: "taylor", strips: [{ y: ["0"], v: [], lower: [] }] }] }));
    const { code, out } = await outputOf(["--check", join(dir, "absent.json"), notJson, wrong, GAP]);
    expect(code).toBe(1);
    expect(out).toMatch(/^INVALID: .*absent\.json: cannot read the certificate \(ENOENT\)$/m);
    expect(out).toMatch(/^INVALID: .*not\.json: not JSON \(/m);
    expect(out).toMatch(/^INVALID: .*wrong\.json: regions\[0\]\.strips\[0\]\.y: must hold two ends/m);
    expect(out).toMatch(/^VALID: /m);
    expect(out).toContain("1 of 4 certificates valid");
  });

  test("--check without files checks every committed certificate", async () => {
    const { code, out } = await outputOf(["--check"]);
    expect(code).toBe(0);
    expect(out).toContain("spec/proofs/gap-nonnegative.json: theorem gap-nonnegative");
    expect(out).toContain("2 of 2 certificates valid");
  });

  test("--search --theorem ID --out DIR writes that certificate, which then checks, and leaves the page alone", async () => {
    const page = readFileSync("spec/proofs.md", "utf8");
    const { code, err } = await outputOf(["--search", "--theorem", "estimate-nonincreasing", "--out", dir]);
    expect(code).toBe(0);
    expect(err).toMatch(/estimate-nonincreasing: \d+ boxes found in [\d.]+ s, written to /);
    expect((await outputOf(["--check", join(dir, "estimate-nonincreasing.json")])).code).toBe(0);
    expect(readFileSync("spec/proofs.md", "utf8")).toBe(page);
  });

  test("--list names the theorems", async () => {
    const { code, out } = await outputOf(["--list"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^gap-nonnegative +Theorem 3's lower bound/m);
    expect(out).toMatch(/^estimate-nonincreasing +KLhat\(e\) is non-increasing/m);
  });

  test.each([
    [[], /exactly one of --check, --search, --list/],
    [["--check", "--search"], /exactly one of/],
    [["--check", GAP, "--out", "x"], /--theorem, --out and --page go with --search/],
    [["--search", "--theorem", "fermat"], /--theorem: unknown theorem "fermat"; one of gap-nonnegative, estimate-nonincreasing/],
    [["--search", "--theorem", "gap-nonnegative", "--page", "x.md"], /--page needs every theorem searched/],
    [["--search", "file.json"], /--search takes no file arguments/],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
  ])("usage error for %j", async (argv, message) => {
    await expect(outputOf(argv)).rejects.toThrow(UsageError);
    await expect(outputOf(argv)).rejects.toThrow(message);
  });

  test("--help lists every flag with an example", () => {
    for (const flag of ["--check", "--search", "--theorem", "--out", "--page", "--list"]) expect(proveCommand.help).toContain(flag);
    expect(proveCommand.help).toMatch(/Examples?:\n {2}npx bonkl prove/);
  });

  test("the real command line: exit 1 when one of the certificates is doctored, the valid one still reported", async () => {
    const json = JSON.parse(readFileSync(SLOPE, "utf8"));
    json.regions[3].strips[0].y[0] = "4"; // the tail started where its hypothesis fails
    const path = join(dir, "doctored-tail.json");
    writeFileSync(path, JSON.stringify(json));
    const run = promisify(execFile);
    const failed = run(process.execPath, ["src/cli/bonkl.mjs", "prove", "--check", GAP, path]);
    await expect(failed).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/a tail hypothesis is not certainly > 0/) });
    await expect(failed).rejects.toMatchObject({ stdout: expect.stringMatching(/^VALID: [\s\S]*1 of 2 certificates valid/m) });
  });
});
