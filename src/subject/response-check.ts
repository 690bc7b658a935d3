/**
 * Decides whether a message from a subject is a valid protocol response, by ajv against the generated JSON Schema
 * (spec/protocol/response.schema.json, the whole response), then against the shape each op's value must have. A
 * subject's output is untrusted input: nothing counts as a value before passing here. When a check fails, the detail
 * says what is wrong in words a report can show, and the id is returned whenever it can be read, so that only that
 * request is marked wrong.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { describeValue } from "../errors.ts";
import { RESPONSE_DEFINITION_OF_OP, type Request, type Response } from "../protocol/messages.ts";
import { findNonJson } from "./json-value.ts";

const ajv = new Ajv({ allowUnionTypes: true, allErrors: false });
ajv.addSchema(loadSchema("response.schema.json"), "response");
ajv.addSchema(loadSchema("request.schema.json"), "request");
const validateAnyResponse = compiled("response");
const validateRequestSchema = compiled("request");

const EXPECTED: Record<string, string> = {
  ScalarResponse: "one number or decimal string",
  PmfResponse: "an array of numbers or decimal strings",
  CapabilitiesResponse: "an array of op names (strings)",
};

export type ResponseCheck = { ok: true; response: Response } | { ok: false; id: number | undefined; detail: string };

/** Validates a parsed message (any JS value) as a response, whatever op it answers. */
export function checkResponse(body: unknown): ResponseCheck {
  const validSchema = validateAnyResponse(body);
  if (validSchema && !("value" in (body as object) && "error" in (body as object))) return { ok: true, response: body as Response };
  const id = readableId(body);
  return { ok: false, id, detail: explain(body) ?? `not a valid response: ${ajv.errorsText(validateAnyResponse.errors)}` };
}

/** Why a valid response's value does not fit the op it answers (bonPmf wants an array...), or undefined if it fits. */
export function checkValueForOp(op: string, response: Response): string | undefined {
  if (!Object.hasOwn(response, "value") || !Object.hasOwn(RESPONSE_DEFINITION_OF_OP, op)) return undefined;
  const definition = RESPONSE_DEFINITION_OF_OP[op as keyof typeof RESPONSE_DEFINITION_OF_OP];
  const validate = compiled(`response#/definitions/${definition}`);
  if (validate(response)) return undefined;
  const error = validate.errors?.[0];
  const where = error === undefined ? "value" : pathOf(error.instancePath);
  const found = valueAt(response, error?.instancePath ?? "/value");
  const what = error?.keyword === "pattern" ? "not a decimal string" : `wrong type (${error?.message ?? "invalid"})`;
  return `${op} answers ${EXPECTED[definition] ?? definition}; ${where} is ${describeValue(found)}: ${what}`;
}

/** Why a request bonkl is about to send is not valid (a bug on bonkl's side), or undefined. */
export function checkRequest(request: Request): string | undefined {
  const nonJson = findNonJson(request.args, "args");
  if (nonJson !== undefined) return nonJson;
  if (!validateRequestSchema(request)) return ajv.errorsText(validateRequestSchema.errors);
  return undefined;
}

/** protocol.md: an error whose text begins with `unsupported` means "not implemented" (case-sensitive, no trimming). */
export function isUnsupported(message: string): boolean {
  return message.startsWith("unsupported");
}

/** The message's id if it is an integer that can name a request. */
export function readableId(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const id = (body as { id?: unknown }).id;
  return Number.isSafeInteger(id) ? (id as number) : undefined;
}

/** A specific reason an invalid response is invalid (ajv's own words are the fallback). */
function explain(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return `not a JSON object but ${describeValue(body)}`;
  const message = body as Record<string, unknown>;
  if (!("id" in message)) return "no id";
  if (!Number.isInteger(message.id)) return `id is ${describeValue(message.id)}, not an integer`;
  const hasValue = "value" in message;
  const hasError = "error" in message;
  if (hasValue && hasError) return "both value and error (a response has one of them)";
  if (!hasValue && !hasError) return "neither value nor error";
  if (hasError) return typeof message.error === "string" ? undefined : `error is ${describeValue(message.error)}, not a string`;
  const nonJson = findNonJson(message.value, "value");
  if (nonJson !== undefined) return `${nonJson}: not a finite number or decimal string`;
  return `value is ${describeValue(message.value)}: not a number, a decimal string, or an array of them (or of op names)`;
}

function compiled(ref: string): ValidateFunction {
  const validate = ajv.getSchema(ref);
  if (validate === undefined) throw new Error(`internal: no schema ${ref}`);
  return validate;
}

function loadSchema(file: string): object {
  return JSON.parse(readFileSync(new URL(`../../spec/protocol/${file}`, import.meta.url), "utf8")) as object;
}

/** `/value/2` -> `value[2]`. */
function pathOf(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part, i) => (/^[0-9]+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split("/").slice(1)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}
