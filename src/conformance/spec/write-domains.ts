/** `npm run spec` (with the claims): rewrites the generated block of spec/conformance.md from the domain definitions. */
import { readFileSync, writeFileSync } from "node:fs";
import { withDomains } from "./render-domains.ts";

const path = "spec/conformance.md";
writeFileSync(path, withDomains(readFileSync(path, "utf8")));
process.stdout.write(`wrote the domains of ${path}\n`);
