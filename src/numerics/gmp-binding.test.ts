/**
 * The wasm loader of gmp-binding.ts against gmp-wasm's own JavaScript loader and binding (the reference it replaces):
 * the same bytes, the same functions, the same results, bit for bit.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { deflateRawSync } from "node:zlib";
import { init, type GMPFunctions } from "gmp-wasm";
import { beforeAll, describe, expect, test } from "vitest";
import { embeddedWasm, exportName, gmpWasmImports, instantiateBinding, loadGmpBinding, type GmpBinding } from "./gmp-binding.ts";

const bundlePath = createRequire(import.meta.url).resolve("gmp-wasm");
const bundle = { path: bundlePath, text: readFileSync(bundlePath, "latin1") };

let ours: GmpBinding;
let theirs: GMPFunctions;
beforeAll(async () => {
  ours = await loadGmpBinding();
  theirs = (await init()).binding;
});

/** x in binding b as an exact hexadecimal string (MPFR's own conversion, all digits). */
function hex(b: Pick<GMPFunctions, "malloc" | "free" | "mem" | "memView" | "mpfr_get_str" | "mpfr_free_str" | "mpfr_nan_p" | "mpfr_inf_p" | "mpfr_sgn">, x: number): string {
  if (b.mpfr_nan_p(x)) return "NaN";
  if (b.mpfr_inf_p(x)) return b.mpfr_sgn(x) > 0 ? "+Inf" : "-Inf"; // mpfr_get_str leaves the exponent unset
  const expPtr = b.malloc(8);
  const strPtr = b.mpfr_get_str(0, expPtr, 16, 0, x, 0);
  const mem = b.mem;
  const digits = new TextDecoder().decode(mem.subarray(strPtr, mem.indexOf(0, strPtr)));
  b.mpfr_free_str(strPtr);
  const exponent = b.memView.getInt32(expPtr, true);
  b.free(expPtr);
  return `${digits}@${exponent}`;
}

describe("the embedded module", () => {
  test("is gmp-wasm's: the stated length, WebAssembly's magic number and version", () => {
    const wasm = embeddedWasm(bundle);
    expect(wasm.length).toBe(Number(/const gmpWasmLength = (\d+);/.exec(bundle.text)?.[1]));
    expect([...wasm.subarray(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  });
  test("another layout, data that does not inflate, or a wrong length is an Error naming the file", () => {
    const data = deflateRawSync(Buffer.from("\0asm\x01\0\0\0")).toString("base64");
    const at = (text: string) => () => embeddedWasm({ path: "/x/gmp.js", text });
    for (const text of ["module.exports = {}", "const gmpWasmLength = 8;", `const gmpWasm = '${data}';`])
      expect(at(text)).toThrow(/cannot read the WebAssembly module embedded in \/x\/gmp\.js: no gmpWasmLength and gmpWasm constants/);
    expect(at(`const gmpWasmLength = 8;\nconst gmpWasm = 'AAAA';`)).toThrow(/\/x\/gmp\.js: its data does not inflate/);
    expect(at(`const gmpWasmLength = 9;\nconst gmpWasm = '${data}';`)).toThrow(/\/x\/gmp\.js: it inflates to 8 bytes, not the 9 stated/);
    expect([...embeddedWasm({ path: "/x/gmp.js", text: `const gmpWasmLength = 8;\nconst gmpWasm = '${data}';` })]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });
  test("a module without a function bonkl binds is an Error naming it", async () => {
    // the smallest valid module: no exports at all
    await expect(instantiateBinding(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).rejects.toThrow("gmp-wasm's WebAssembly module has no function _initialize");
  });
  test("imports: the C code's exit and file calls are fatal errors, memory growth needs no notice", () => {
    const imports = gmpWasmImports();
    expect(Object.keys(imports.wasi_snapshot_preview1 ?? {}).sort()).toEqual(["fd_close", "fd_seek", "fd_write", "proc_exit"]);
    for (const f of Object.values(imports.wasi_snapshot_preview1 ?? {})) expect(f).toThrow("Fatal error in gmp-wasm");
    expect(imports.env?.emscripten_notify_memory_growth?.()).toBeUndefined();
  });
  test("export names: mpfr_x is r_x, mpz_x is z_x, as in gmp-wasm's binding", () => {
    expect(exportName("mpfr_log1p")).toBe("r_log1p");
    expect(exportName("mpfr_t")).toBe("r_t");
    expect(exportName("mpz_set_si")).toBe("z_set_si");
    expect(exportName("mpfr_mpz_x")).toBe("r_mpz_x");
    expect(exportName("g_mpfr_x")).toBe("g_mpfr_x"); // only a leading prefix is replaced
  });
});

describe("the binding computes as gmp-wasm's", () => {
  const operands = [2, 0.1, 1e-300, 3.5e12, -7.25, 1 / 3, 0];
  test("unary functions at every rounding direction, 200 bits", () => {
    for (const b of [ours, theirs]) expect(typeof b.mpfr_log).toBe("function");
    const ops = ["mpfr_log", "mpfr_log1p", "mpfr_exp", "mpfr_expm1", "mpfr_exp10", "mpfr_sqr", "mpfr_neg", "mpfr_abs", "mpfr_set"] as const;
    const results = (b: GmpBinding | GMPFunctions) => {
      const x = b.mpfr_t();
      const y = b.mpfr_t();
      b.mpfr_init2(x, 200);
      b.mpfr_init2(y, 200);
      const out: string[] = [];
      for (const op of ops)
        for (const v of operands)
          for (const rnd of [0, 1, 2, 3]) {
            b.mpfr_set_d(x, v, 0);
            const ternary = b[op](y, x, rnd);
            out.push(`${op}(${v}, ${rnd}) = ${hex(b, y)} ${Math.sign(ternary)}`);
          }
      b.mpfr_clear(x);
      b.mpfr_clear(y);
      b.mpfr_t_free(x);
      b.mpfr_t_free(y);
      return out;
    };
    const mine = results(ours);
    expect(mine).toEqual(results(theirs));
    // ln 2 to 200 bits, nearest, below ln 2 (mpmath: 51 hex digits of the 204-bit scaled value)
    expect(mine).toContain("mpfr_log(2, 0) = b17217f7d1cf79abc9e3b39803f2f6af40f343267298b62d8a0@0 -1");
  });
  test("strings: mpz both ways beyond gmp-wasm's 4 KiB buffer, mpfr from decimal text with directed rounding", () => {
    const big = `-${"f".repeat(9000)}`;
    const values = (b: GmpBinding | GMPFunctions) => {
      const z = b.mpz_t();
      b.mpz_init(z);
      const out: unknown[] = [];
      for (const text of ["0", "-7", "123456789abcdef0123456789abcdef", big]) {
        out.push(b.mpz_set_string(z, text, 16), b.mpz_to_string(z, 16));
      }
      out.push(b.mpz_set_string(z, "not hex", 16));
      b.mpz_clear(z);
      b.mpz_t_free(z);
      const x = b.mpfr_t();
      b.mpfr_init2(x, 64);
      for (const rnd of [2, 3]) out.push(b.mpfr_set_string(x, "0.1", 10, rnd), hex(b, x));
      out.push(b.mpfr_set_string(x, "1e", 10, 0));
      b.mpfr_clear(x);
      b.mpfr_t_free(x);
      return out;
    };
    const mine = values(ours);
    expect(mine).toEqual(values(theirs));
    expect(mine.slice(6, 8)).toEqual([0, big]);
    expect([mine[8], mine[13]]).toEqual([-1, -1]); // invalid text: GMP's and MPFR's -1
  });
  test("memory views follow the memory's growth", () => {
    const before = ours.mem.length;
    const xs = Array.from({ length: 12 }, () => {
      const x = ours.mpfr_t();
      ours.mpfr_init2(x, 1 << 24); // 2 MiB of limbs each
      ours.mpfr_set_d(x, 1 / 3, 0);
      return x;
    });
    expect(ours.mem.length).toBeGreaterThan(before);
    expect(ours.memView.byteLength).toBe(ours.mem.length);
    const z = ours.mpz_t();
    ours.mpz_init(z);
    expect(ours.mpz_set_string(z, "-123abc", 16)).toBe(0);
    expect(ours.mpz_to_string(z, 16)).toBe("-123abc");
    ours.mpz_clear(z);
    ours.mpz_t_free(z);
    for (const x of xs) {
      ours.mpfr_clear(x);
      ours.mpfr_t_free(x);
    }
  });
  // Each on an instance of its own: a fresh 16 MiB memory, so that 32 MiB that were not freed must grow it.
  test("malloc gives writable blocks and free returns them: 32 blocks of 1 MiB, one at a time, do not grow the memory", async () => {
    const fresh = await loadGmpBinding();
    const before = fresh.mem.length;
    for (let i = 0; i < 32; i++) {
      const ptr = fresh.malloc(1 << 20);
      expect(ptr).toBeGreaterThan(0);
      fresh.mem[ptr + (1 << 20) - 1] = 7;
      expect(fresh.mem[ptr + (1 << 20) - 1]).toBe(7);
      fresh.free(ptr);
    }
    expect(fresh.mem.length - before).toBeLessThan(8 << 20);
  });
  test("a string passed to GMP is freed after the call: 32 strings of 1 MiB do not grow the memory", async () => {
    const fresh = await loadGmpBinding();
    const z = fresh.mpz_t();
    fresh.mpz_init(z);
    const text = "7".repeat(1 << 20);
    expect(fresh.mpz_set_string(z, text, 16)).toBe(0); // the number's own limbs, allocated once
    const before = fresh.mem.length;
    for (let i = 0; i < 32; i++) expect(fresh.mpz_set_string(z, text, 16)).toBe(0);
    expect(fresh.mem.length - before).toBeLessThan(8 << 20);
  });
});
