/** The `npx bonkl check ...` command line that replays a run (same subject, seed, runs and domains). */
import type { SubjectSpec } from "../subject/open-subject.ts";

/** Quotes a word for a POSIX shell when needed. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export function replayCommand(subject: SubjectSpec | null, seed: number, runs: number, domains: readonly string[] | null): string {
  const words = ["npx", "bonkl", "check"];
  if (subject?.module !== undefined) words.push("--subject", shellQuote(subject.module));
  if (subject?.command !== undefined) words.push("--subject-cmd", shellQuote(subject.command));
  words.push("--seed", String(seed), "--runs", String(runs));
  for (const d of domains ?? []) words.push("--domain", shellQuote(d));
  return words.join(" ");
}
