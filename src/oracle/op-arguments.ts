/**
 * The arguments of an oracle op, declared once: the help line ("p, n, r?", "n, eps | logEps | (p, r?)") is
 * generated from the declaration, and an op's `prepare` sees only the arguments it declares (the protocol ignores
 * extra fields), so an op can never read an argument its help does not name.
 */

/** One argument, or a choice between groups of arguments. */
export type ArgumentSpec =
  | { readonly kind: "argument"; readonly name: string; readonly optional: boolean; readonly shape: string | null }
  | { readonly kind: "choice"; readonly groups: readonly (readonly ArgumentSpec[])[] };

/** A required argument; `shape` describes a structured value, e.g. "[{weight, p, r?}]". */
export function required(name: string, shape: string | null = null): ArgumentSpec {
  return { kind: "argument", name, optional: false, shape };
}

export function optional(name: string): ArgumentSpec {
  return { kind: "argument", name, optional: true, shape: null };
}

/** Exactly one of the groups, e.g. oneOf([eps], [logEps], [p, r?]). */
export function oneOf(...groups: (readonly ArgumentSpec[])[]): ArgumentSpec {
  return { kind: "choice", groups };
}

function describeOne(spec: ArgumentSpec): string {
  if (spec.kind === "choice") return spec.groups.map((group) => (group.length === 1 ? describeArguments(group) : `(${describeArguments(group)})`)).join(" | ");
  return `${spec.name}${spec.shape === null ? "" : `: ${spec.shape}`}${spec.optional ? "?" : ""}`;
}

/** The help line of a declaration. */
export function describeArguments(specs: readonly ArgumentSpec[]): string {
  return specs.map(describeOne).join(", ");
}

/** Every argument name a declaration mentions. */
export function argumentNames(specs: readonly ArgumentSpec[]): string[] {
  return specs.flatMap((spec) => (spec.kind === "choice" ? spec.groups.flatMap(argumentNames) : [spec.name]));
}

/** The declared arguments of `args` (the others are ignored, as the protocol says of extra fields). */
export function declaredArguments(args: Record<string, unknown>, specs: readonly ArgumentSpec[]): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  for (const name of argumentNames(specs)) if (Object.hasOwn(args, name)) declared[name] = args[name];
  return declared;
}
