#!/usr/bin/env bash
# Packaging test (part of CI, not of npm test): packs bonkl as npm would publish it, checks the tarball's files against
# an allow-list and its size, installs it into a fresh project (dependencies from the registry or npm's cache, as for
# any user), then uses it there: the float library and the oracle from plain node (ESM, and require() of the float
# library), `npx bonkl check`, and the vitest and node:test integrations on a correct and on a faulty tiny subject.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"

echo "== npm pack"
# (the prepare script builds dist/ first; its log lines precede npm's JSON on stdout)
npm pack --pack-destination "$work" --json > "$work/pack.out"
sed -n '/^\[/,$p' "$work/pack.out" > "$work/pack.json"
tarball="$work/$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].filename)' "$work/pack.json")"
node - "$work/pack.json" <<'JS'
const [info] = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CITATION\.cff$/, /^dist\/.+\.(js|mjs|d\.ts|d\.mts|js\.map|mjs\.map|d\.ts\.map|d\.mts\.map|py)$/, /^spec\/.+\.(md|json|svg|csv|py)$/];
const forbidden = [/\.test\./, /\/fixtures\//, /stryker/, /^dist\/(bench|reliability|build)\//, /^(src|properties|mutation|examples)\//];
const bad = info.files.map((f) => f.path).filter((p) => !allowed.some((r) => r.test(p)) || forbidden.some((r) => r.test(p)));
const mb = (x) => (x / 1e6).toFixed(2);
console.log(`tarball: ${info.files.length} files, ${mb(info.size)} MB packed, ${mb(info.unpackedSize)} MB unpacked`);
if (bad.length > 0) { console.error(`files outside the allow-list:\n  ${bad.join("\n  ")}`); process.exit(1); }
if (info.size > 4e6) { console.error(`the tarball is ${mb(info.size)} MB packed: over the 4 MB target`); process.exit(1); }
JS

echo "== install into a fresh project"
project="$work/user-project"
mkdir -p "$project"
cd "$project"
printf '{ "name": "user-project", "private": true, "type": "module" }\n' > package.json
vitest_version="$(node -p 'require(process.argv[1]).devDependencies.vitest' "$repo/package.json")"
npm install --no-audit --no-fund --loglevel=error "$tarball" "vitest@$vitest_version"

echo "== the libraries from plain node"
node --input-type=module -e '
import { klBon } from "bonkl";
import * as oracle from "bonkl/oracle";
const fast = klBon([0.5, 0.5], 2);
const exact = oracle.klBon({ p: [0.5, 0.5], n: 2 });
console.log(`klBon float64 ${fast}, certified ${exact.certifiedDecimal(20)}`);
if (!(exact.loNumber <= fast + 1e-15 && fast - 1e-15 <= exact.hiNumber)) throw new Error("the float library and the oracle disagree");
'
node -e 'const { klFormula } = require("bonkl"); if (Math.abs(klFormula(2) - (Math.log(2) - 0.5)) > 1e-15) throw new Error("require(bonkl)"); console.log("require(\"bonkl\") works (CommonJS)");'

echo "== npx bonkl check"
npx bonkl --version
npx bonkl check --domain standard --runs 20

echo "== npx bonkl serve (worker threads run the compiled code, without tsx)"
answer="$(echo '{"id":1,"op":"klBon","args":{"p":[0.5,0.5],"n":2}}' | npx bonkl serve)"
echo "$answer"
case "$answer" in *'"value":"1.3081203594113695912920180623371771041'*) ;; *) echo "bonkl serve: unexpected answer"; exit 1 ;; esac
test ! -e node_modules/tsx || { echo "tsx is installed in the user project: the test would not show that bonkl runs without it"; exit 1; }

echo "== bonkl init"
npx bonkl init js > subject-template.mjs && npx bonkl check --subject subject-template.mjs --domain standard --runs 10
if command -v python3 > /dev/null; then
  npx bonkl init python > bonkl_subject.py && python3 -c "import bonkl_subject; print('bonkl init python: the helper imports')"
else
  echo "bonkl init python: python3 not found, the helper's import is not checked"
fi

echo "== the test-runner integrations"
cat > good.mjs <<'JS'
export function klFormula({ n }) { return Math.log(n) - (n - 1) / n; }
JS
cat > bad.mjs <<'JS'
export function klFormula({ n }) { return Math.log(n) - n / (n + 1); }
JS
cat > good.test.js <<'JS'
import { conformanceSuite } from "bonkl/vitest";
conformanceSuite({ subject: "./good.mjs", domains: ["standard"], runs: 20 });
JS
cat > bad.test.js <<'JS'
import { conformanceSuite } from "bonkl/vitest";
conformanceSuite({ subject: "./bad.mjs", domains: ["standard"], runs: 20 });
JS
npx vitest run good.test.js
if npx vitest run bad.test.js > bad.out 2>&1; then cat bad.out; echo "bonkl/vitest: a faulty subject passed"; exit 1; fi
grep -q "klFormula in standard" bad.out && grep -q "Replay: npx bonkl check" bad.out || { cat bad.out; echo "bonkl/vitest: the failure does not carry bonkl check's report"; exit 1; }
echo "bonkl/vitest: the correct subject passes; the faulty one fails with bonkl check's report"
cat > good.node-test.mjs <<'JS'
import { conformanceSuite } from "bonkl/node-test";
conformanceSuite({ subject: "./good.mjs", domains: ["standard"], runs: 20 });
JS
node --test good.node-test.mjs
echo "packaging test passed"
