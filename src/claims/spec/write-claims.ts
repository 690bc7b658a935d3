/** `npm run spec`: writes spec/claims.md from the claims and the committed deep-run results. */
import { writeFileSync } from "node:fs";
import { loadResults, renderClaims } from "./render-claims.ts";

writeFileSync("spec/claims.md", renderClaims(loadResults()));
process.stdout.write("wrote spec/claims.md\n");
