/**
 * The certificate format (spec/proofs/schema/certificate.schema.json): a theorem id, the working precision, how the
 * search went, and regions, each a method and strips. A strip is [y0, y1] x [0, 1/2] cut in v at `v`, with the
 * certified lower bound of each box's deciding quantity as found by the search (`lower`, rounded down). The
 * checker trusts none of these numbers except as the boxes to check: it recomputes every bound and confirms the
 * stored ones are not above its own.
 */
import { InputError } from "../errors.ts";
import { parseBoxNumber, type BoxNumber } from "./box-number.ts";
import { REGION_METHODS, type RegionMethod } from "./theorems.ts";

export const CERTIFICATE_FORMAT = "bonkl-proof/1";
export const MIN_CERTIFICATE_PRECISION = 64;
export const MAX_CERTIFICATE_PRECISION = 4096;

/** As written in the JSON file. */
export interface StripJson {
  y: [string, string];
  v: string[];
  lower: string[];
}

export interface RegionJson {
  method: RegionMethod;
  strips: StripJson[];
}

export interface CertificateJson {
  format: string;
  theorem: string;
  precision: number;
  search: { seconds: number; command: string };
  regions: RegionJson[];
}

/** A strip with its ends parsed into exact numbers. */
export interface Strip {
  readonly y0: BoxNumber;
  readonly y1: BoxNumber;
  readonly v: readonly BoxNumber[];
  readonly lower: readonly string[];
  /** Where it sits in the file, e.g. regions[2].strips[5], for messages. */
  readonly path: string;
}

export interface Region {
  readonly method: RegionMethod;
  readonly strips: readonly Strip[];
  readonly path: string;
}

export interface Certificate {
  readonly theorem: string;
  readonly precision: number;
  readonly searchSeconds: number;
  readonly searchCommand: string;
  readonly regions: readonly Region[];
}

const LOWER = /^-?\d(\.\d+)?(e-?\d+)?$|^0$/;

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InputError(field, value, "must be an object");
  return value as Record<string, unknown>;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(field, value, "must be an array");
  return value;
}

function onlyKeys(object: Record<string, unknown>, keys: readonly string[], field: string): void {
  for (const key of Object.keys(object)) if (!keys.includes(key)) throw new InputError(`${field}.${key}`, object[key], `is not a field of a certificate (expected one of ${keys.join(", ")})`);
  for (const key of keys) if (!(key in object)) throw new InputError(`${field}.${key}`, undefined, "is missing");
}

function parseStrip(value: unknown, field: string): Strip {
  const strip = record(value, field);
  onlyKeys(strip, ["y", "v", "lower"], field);
  const y = array(strip.y, `${field}.y`);
  if (y.length !== 2) throw new InputError(`${field}.y`, strip.y, "must hold two ends [y0, y1]");
  const v = array(strip.v, `${field}.v`).map((x, i) => parseBoxNumber(x, `${field}.v[${i}]`));
  if (v.length < 2) throw new InputError(`${field}.v`, strip.v, "must hold at least two cuts");
  const lower = array(strip.lower, `${field}.lower`).map((x, i) => {
    if (typeof x !== "string" || !LOWER.test(x)) throw new InputError(`${field}.lower[${i}]`, x, 'must be a decimal string such as "1.23e-2"');
    return x;
  });
  if (lower.length !== v.length - 1) throw new InputError(`${field}.lower`, strip.lower, `must hold one bound per box (${v.length - 1})`);
  return { y0: parseBoxNumber(y[0], `${field}.y[0]`), y1: parseBoxNumber(y[1], `${field}.y[1]`), v, lower, path: field };
}

function parseRegion(value: unknown, field: string): Region {
  const region = record(value, field);
  onlyKeys(region, ["method", "strips"], field);
  const method = region.method;
  if (typeof method !== "string" || !(REGION_METHODS as readonly string[]).includes(method))
    throw new InputError(`${field}.method`, method, `must be one of ${REGION_METHODS.join(", ")}`);
  const strips = array(region.strips, `${field}.strips`).map((s, i) => parseStrip(s, `${field}.strips[${i}]`));
  if (method === "exact-n1" && strips.length > 0) throw new InputError(`${field}.strips`, region.strips, "must be empty for exact-n1 (it covers the line v = 1)");
  return { method: method as RegionMethod, strips, path: field };
}

/** Validates a parsed JSON value as a certificate; every problem is an InputError naming the field. */
export function parseCertificate(value: unknown): Certificate {
  const top = record(value, "certificate");
  onlyKeys(top, ["format", "theorem", "precision", "search", "regions"], "certificate");
  if (top.format !== CERTIFICATE_FORMAT) throw new InputError("certificate.format", top.format, `must be "${CERTIFICATE_FORMAT}"`);
  if (typeof top.theorem !== "string") throw new InputError("certificate.theorem", top.theorem, "must be a string");
  const precision = top.precision;
  if (typeof precision !== "number" || !Number.isInteger(precision) || precision < MIN_CERTIFICATE_PRECISION || precision > MAX_CERTIFICATE_PRECISION)
    throw new InputError("certificate.precision", precision, `must be an integer number of bits from ${MIN_CERTIFICATE_PRECISION} to ${MAX_CERTIFICATE_PRECISION}`);
  const search = record(top.search, "certificate.search");
  onlyKeys(search, ["seconds", "command"], "certificate.search");
  if (typeof search.seconds !== "number" || !(search.seconds >= 0)) throw new InputError("certificate.search.seconds", search.seconds, "must be a number >= 0");
  if (typeof search.command !== "string") throw new InputError("certificate.search.command", search.command, "must be a string");
  const regions = array(top.regions, "certificate.regions").map((r, i) => parseRegion(r, `regions[${i}]`));
  return { theorem: top.theorem, precision, searchSeconds: search.seconds, searchCommand: search.command, regions };
}

/** The JSON text of a certificate: one strip per line, so that files stay small and diffs readable. */
export function formatCertificate(json: CertificateJson): string {
  const regions = json.regions.map((region) => {
    const strips = region.strips.map((s) => `      ${JSON.stringify(s)}`).join(",\n");
    const body = region.strips.length === 0 ? "[]" : `[\n${strips}\n    ]`;
    return `    { "method": ${JSON.stringify(region.method)}, "strips": ${body} }`;
  });
  return [
    "{",
    `  "format": ${JSON.stringify(json.format)},`,
    `  "theorem": ${JSON.stringify(json.theorem)},`,
    `  "precision": ${json.precision},`,
    `  "search": ${JSON.stringify(json.search)},`,
    `  "regions": [\n${regions.join(",\n")}\n  ]`,
    "}",
    "",
  ].join("\n");
}
