/** `npm run spec` (with the claims and the domains): writes spec/api.md from the package's entry points. */
import { writeFileSync } from "node:fs";
import { renderApi } from "./api-doc.ts";

writeFileSync("spec/api.md", renderApi());
process.stdout.write("wrote spec/api.md\n");
