/** Types of plain-json.mjs (plain JavaScript, run by the module host without a loader). */
/** The first reason `value` cannot be sent: not plain JSON data, or JSON of more than `maxBytes` bytes. */
export declare function sendProblem(value: unknown, path: string, maxBytes: number): { kind: "invalid" | "too-large"; detail: string } | undefined;
