/** Every conformance domain, in report order. */
import type { Domain } from "./domain.ts";
import { invalidDomain } from "./invalid.ts";
import { largeLDomain } from "./large-l.ts";
import { largeNDomain } from "./large-n.ts";
import { normalisationDomain } from "./normalisation.ts";
import { standard } from "./standard.ts";
import { tiesDomain } from "./ties.ts";
import { tinyDomain } from "./tiny.ts";
import { zeroMassDomain } from "./zero-mass.ts";

export { GRADED_OPS, caseCount, type Domain, type DomainKind, type GradedOp } from "./domain.ts";

export const DOMAINS: readonly Domain[] = [standard, largeNDomain, tinyDomain, tiesDomain, zeroMassDomain, largeLDomain, normalisationDomain, invalidDomain];

export const DOMAIN_NAMES: readonly string[] = DOMAINS.map((d) => d.name);

export function domainNamed(name: string): Domain | undefined {
  return DOMAINS.find((d) => d.name === name);
}
