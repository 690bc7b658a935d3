import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { parseFlags } from "../flags.ts";
import { checkOutputFile, writeOutputFile } from "../../io/output-file.ts";
import { DOMAINS } from "../../conformance/domains/index.ts";
import { formatReport } from "../../conformance/format-report.ts";
import { barProgress } from "../check-progress.ts";
import { DEFAULT_RUNS, DEFAULT_SEED, runCheck, runsFromEnvironment } from "../../conformance/run-check.ts";
import { flagOr, readCount, readSeed } from "../../config.ts";
import { killTrackedSessions } from "../../subject/sessions/sessions.ts";

/**
 * Runs `job` with Ctrl-C handled: the first SIGINT aborts `controller` (the run stops grading and returns a partial
 * report) and kills the subject's processes at once, whatever they are doing (a program, or a module's host blocked in
 * a system call); from then on Ctrl-C is no longer caught, so a second one ends bonkl at once, even while it is busy
 * computing (the subject's session is killed by the watchdog then). Two Ctrl-C handled in the same turn of the event
 * loop (bonkl was busy when both came) end it with status 130.
 */
export async function withInterrupt<T>(controller: AbortController, job: () => Promise<T>): Promise<T> {
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write("\nbonkl check: interrupted: stopping the subject and reporting what was graded (Ctrl-C again to quit at once)\n");
    controller.abort();
    killTrackedSessions();
    // Let a second signal already waiting be handled here, then give SIGINT back its default action.
    setImmediate(() => process.removeListener("SIGINT", onSigint));
  };
  process.on("SIGINT", onSigint);
  try {
    return await job();
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}

const domainLines = DOMAINS.map((d) => `    ${d.name.padEnd(10)} ${d.summary}`);

export const checkCommand: Command = {
  name: "check",
  help: [
    "Usage: bonkl check [--subject FILE | --subject-cmd \"PROGRAM ARGS\"] [--domain NAME]... [--json FILE]",
    "                   [--seed N] [--runs N] [--timeout MS] [--strict]",
    "",
    "Grades every op the subject lists in `capabilities` against the certified oracle, per domain, with the",
    "tolerance model of spec/conformance.md, and shrinks failing inputs. Without a subject it checks the",
    "built-in float64 library (src/float).",
    "",
    "Flags:",
    "  --subject FILE        a JS/TS module exporting one function per op (spec/protocol.md)",
    "  --subject-cmd CMD     a program speaking the subject protocol on stdin/stdout (split into argv, no shell)",
    "  --domain NAME         check only this domain (repeatable); the domains:",
    ...domainLines,
    "  --json FILE           also write the machine-readable report (spec/conformance/report.schema.json)",
    `  --seed N              seed of the case generators (default ${DEFAULT_SEED})`,
    `  --runs N              cases per op and domain (default: BONKL_RUNS, else ${DEFAULT_RUNS}; large-L uses runs/50)`,
    "  --timeout MS          a request with no sign of progress for this long is a timeout fault (default 10000)",
    "  --strict              a case passes only when accurate (within the bound a careful float64 implementation",
    "                        meets, spec/conformance.md), not merely within the conformance tolerance",
    "",
    "Exit status: 0 every checked op passed in every checked domain, 1 otherwise (also when some op x domain pair",
    "could not be graded: NOT RUN or INCONCLUSIVE), 2 usage error, 130 interrupted",
    "(Ctrl-C stops the subject and prints what was graded so far; --json is still written).",
    "",
    "Examples:",
    "  npx bonkl check",
    "  npx bonkl check --subject ./my-impl.mjs --domain standard --domain ties",
    "  npx bonkl check --subject-cmd \"python3 examples/python/subject.py\" --json report.json",
  ].join("\n"),
  async run(argv) {
    const { values } = parseFlags(argv, {
      subject: { type: "string" },
      "subject-cmd": { type: "string" },
      domain: { type: "string", multiple: true },
      json: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      timeout: { type: "string" },
      strict: { type: "boolean" },
    });
    if (values.subject !== undefined && values["subject-cmd"] !== undefined) throw new UsageError("give either --subject or --subject-cmd, not both");
    const subject = values.subject !== undefined ? { module: values.subject } : values["subject-cmd"] !== undefined ? { command: values["subject-cmd"] } : null;
    const timeoutMs = values.timeout === undefined ? undefined : readCount(values.timeout, "--timeout");
    if (values.json !== undefined) checkOutputFile("--json", values.json);
    const controller = new AbortController();
    const report = await withInterrupt(controller, () =>
      runCheck({
        subject,
        domains: values.domain ?? null,
        seed: values.seed === undefined ? undefined : readSeed(values.seed, "--seed"),
        runs: flagOr(values.runs, (text) => readCount(text, "--runs"), runsFromEnvironment),
        subjectOptions: timeoutMs === undefined ? {} : { timeoutMs },
        strict: values.strict === true,
        progress: barProgress("bonkl check"),
        signal: controller.signal,
      }),
    );
    process.stdout.write(formatReport(report));
    if (values.json !== undefined) {
      writeOutputFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`JSON report: ${values.json}\n`);
    }
    // Interrupted: exit once the report is out, whatever is still pending (the subject's sessions were killed at the
    // interrupt; the exit hook makes sure). The timer does not keep bonkl alive when nothing else does.
    if (controller.signal.aborted) setTimeout(() => process.exit(report.exitStatus), 200).unref();
    return report.exitStatus;
  },
};
