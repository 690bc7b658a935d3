/**
 * GMP and MPFR as gmp-wasm compiled them to WebAssembly (the version pinned in package.json), loaded without
 * gmp-wasm's JavaScript.
 *
 * gmp-wasm's bundle embeds the module as a base64 string of raw DEFLATE data and, on every start of every thread,
 * decodes and inflates it in JavaScript (about 70 ms on this project's machine), after Node has scanned the 0.5 MB
 * CommonJS bundle for its exports. Here Node decodes and inflates the same bytes natively (a few ms); the module is
 * compiled and instantiated with the imports gmp-wasm gives it, and the functions bonkl calls are bound under
 * gmp-wasm's names with gmp-wasm's signatures (the type is gmp-wasm's own, narrowed to those functions). The
 * numbers are those of the same compiled GMP and MPFR.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";
import type { GMPFunctions } from "gmp-wasm";

// The part of the WebAssembly JS API used here (this project's TypeScript libraries declare no WebAssembly values).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, Record<string, () => unknown>>): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

/** The functions that gmp-wasm binds one to one to a wasm export (mpfr_x to r_x, mpz_x to z_x). */
const DIRECT = [
  "mpfr_abs", "mpfr_add", "mpfr_add_d", "mpfr_add_ui", "mpfr_clear", "mpfr_cmp", "mpfr_cmp_d", "mpfr_cmp_si",
  "mpfr_cmp_ui", "mpfr_cmpabs", "mpfr_const_log2", "mpfr_div", "mpfr_div_ui", "mpfr_div_z", "mpfr_equal_p",
  "mpfr_exp", "mpfr_exp10", "mpfr_expm1", "mpfr_floor", "mpfr_free_str", "mpfr_get_d", "mpfr_get_emax_max",
  "mpfr_get_emin_min", "mpfr_get_prec", "mpfr_get_str", "mpfr_get_z_2exp", "mpfr_greater_p", "mpfr_inf_p",
  "mpfr_init2", "mpfr_less_p", "mpfr_lessequal_p", "mpfr_log", "mpfr_log1p", "mpfr_max", "mpfr_min", "mpfr_mul",
  "mpfr_mul_2si", "mpfr_mul_d", "mpfr_nan_p", "mpfr_neg", "mpfr_nextabove", "mpfr_number_p", "mpfr_pow_ui",
  "mpfr_set", "mpfr_set_d", "mpfr_set_emax", "mpfr_set_emin", "mpfr_set_inf", "mpfr_set_nan", "mpfr_set_si_2exp",
  "mpfr_set_ui", "mpfr_set_z", "mpfr_set_z_2exp", "mpfr_set_zero", "mpfr_sgn", "mpfr_signbit", "mpfr_sqr",
  "mpfr_sub", "mpfr_swap", "mpfr_t", "mpfr_t_free", "mpfr_zero_p",
  "mpz_clear", "mpz_init", "mpz_set_si", "mpz_t", "mpz_t_free",
] as const satisfies readonly (keyof GMPFunctions)[];

/** The functions that pass strings through wasm memory, and the memory itself. */
type Helpers = "malloc" | "free" | "mem" | "memView" | "mpz_set_string" | "mpz_to_string" | "mpfr_set_string";

/** The part of gmp-wasm's binding that bonkl uses. */
export type GmpBinding = Pick<GMPFunctions, (typeof DIRECT)[number] | Helpers>;

/** The wasm export behind a directly bound function: mpfr_log -> r_log, mpz_init -> z_init. */
export function exportName(name: string): string {
  return name.replace(/^mpfr_/, "r_").replace(/^mpz_/, "z_");
}

export interface Bundle {
  /** Where the bundle was read from (for errors). */
  path: string;
  /** The source text of gmp-wasm's bundle. */
  text: string;
}

function readBundle(): Bundle {
  const path = createRequire(import.meta.url).resolve("gmp-wasm");
  return { path, text: readFileSync(path, "latin1") };
}

/**
 * The WebAssembly bytes embedded in gmp-wasm's bundle: `const gmpWasmLength = N;` and `const gmpWasm = '<base64 of
 * raw DEFLATE data>';`. Anything else (another bundle layout, a length that does not match) is an Error naming the file.
 */
export function embeddedWasm(bundle: Bundle): Uint8Array {
  const fail = (what: string): never => {
    throw new Error(`cannot read the WebAssembly module embedded in ${bundle.path}: ${what} (bonkl reads the bundle layout of the gmp-wasm version pinned in its package.json)`);
  };
  const length = /const gmpWasmLength = (\d+);/.exec(bundle.text);
  const data = /const gmpWasm = '([A-Za-z0-9+/]*={0,2})';/.exec(bundle.text);
  if (length === null || data === null) return fail("no gmpWasmLength and gmpWasm constants");
  let bytes: Uint8Array;
  try {
    bytes = inflateRawSync(Buffer.from(data[1] as string, "base64"));
  } catch (error) {
    return fail(`its data does not inflate (${(error as Error).message})`);
  }
  if (bytes.length !== Number(length[1])) return fail(`it inflates to ${bytes.length} bytes, not the ${length[1]} stated`);
  return bytes;
}

/**
 * The module's imports, as gmp-wasm gives them: the C code never exits or writes to a file (a call would be a fatal
 * error, as in gmp-wasm), and views of the memory are made from memory.buffer when asked for, so its growth needs no
 * notice.
 */
export function gmpWasmImports(): Record<string, Record<string, () => unknown>> {
  const fatal = (): never => {
    throw new Error("Fatal error in gmp-wasm");
  };
  return {
    env: { emscripten_notify_memory_growth: () => undefined },
    wasi_snapshot_preview1: { proc_exit: fatal, fd_write: fatal, fd_seek: fatal, fd_close: fatal },
  };
}

/** Compiles and instantiates the module with gmp-wasm's imports, and binds the functions of GmpBinding. */
export async function instantiateBinding(wasm: Uint8Array): Promise<GmpBinding> {
  const { instance } = await WebAssembly.instantiate(wasm, gmpWasmImports());
  const exports = instance.exports;
  const fn = (name: string): ((...args: number[]) => number) => {
    const f = exports[name];
    if (typeof f !== "function") throw new Error(`gmp-wasm's WebAssembly module has no function ${name}`);
    return f as (...args: number[]) => number;
  };
  fn("_initialize")();
  const memory = exports.memory as WasmMemory;
  const malloc = fn("g_malloc");
  const free = fn("g_free");
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  /** Calls f with a NUL-terminated copy of text in wasm memory, freed afterwards. */
  const withCString = (text: string, f: (ptr: number) => number): number => {
    const data = encoder.encode(text);
    const ptr = malloc(data.length + 1);
    const mem = new Uint8Array(memory.buffer);
    mem.set(data, ptr);
    mem[ptr + data.length] = 0;
    try {
      return f(ptr);
    } finally {
      free(ptr);
    }
  };
  const zSetStr = fn("z_set_str");
  const zGetStr = fn("z_get_str");
  const rSetStr = fn("r_set_str");
  const helpers: Pick<GMPFunctions, Helpers> = {
    malloc: (size) => malloc(size),
    free: (ptr) => {
      free(ptr);
    },
    get mem() {
      return new Uint8Array(memory.buffer);
    },
    get memView() {
      return new DataView(memory.buffer);
    },
    mpz_set_string: (mpz, input, base) => withCString(input, (ptr) => zSetStr(mpz, ptr, base)),
    mpz_to_string: (x, base) => {
      const strPtr = zGetStr(0, base, x); // NULL: GMP allocates the string
      const mem = new Uint8Array(memory.buffer);
      const text = decoder.decode(mem.subarray(strPtr, mem.indexOf(0, strPtr)));
      free(strPtr);
      return text;
    },
    mpfr_set_string: (mpfr, input, base, rnd) => withCString(input, (ptr) => rSetStr(mpfr, ptr, base, rnd)),
  };
  const direct = Object.fromEntries(DIRECT.map((name) => [name, fn(exportName(name))]));
  return Object.defineProperties(direct, Object.getOwnPropertyDescriptors(helpers)) as unknown as GmpBinding;
}

/** The binding of this thread (each process and worker thread loads its own). */
export async function loadGmpBinding(): Promise<GmpBinding> {
  return instantiateBinding(embeddedWasm(readBundle()));
}
