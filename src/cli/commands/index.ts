import type { CommandEntry } from "../command.ts";

/** Every subcommand, in the order `bonkl --help` lists them; each module is loaded only to run it. */
export const commands: readonly CommandEntry[] = [
  {
    name: "check",
    summary: "grade an implementation (default: the built-in float64 library) against the certified oracle",
    load: async () => (await import("./check.ts")).checkCommand,
  },
  {
    name: "claims",
    summary: "check every claim of the paper on random cases, decided from certified enclosures",
    load: async () => (await import("./claims.ts")).claimsCommand,
  },
  { name: "serve", summary: "answer the subject protocol on stdin/stdout with the certified oracle", load: async () => (await import("./serve.ts")).serveCommand },
  {
    name: "kl",
    summary: "certified KL, formula, gap, estimators and the paper's bounds for a distribution you give",
    load: async () => (await import("./kl.ts")).klCommand,
  },
  {
    name: "estimate",
    summary: "estimate KL(pi_n || p) from per-prompt n and log-probability of the chosen sample",
    load: async () => (await import("./estimate.ts")).estimateCommand,
  },
  { name: "figures", summary: "regenerate the paper's Figures 1-3 as certified CSVs and SVG charts", load: async () => (await import("./figures.ts")).figuresCommand },
  {
    name: "prove",
    summary: "check the certified proofs over the continuum (spec/proofs), or search them anew",
    load: async () => (await import("./prove.ts")).proveCommand,
  },
  {
    name: "init",
    summary: "print a starting file for your own subject: the Python helper or a JS module template",
    load: async () => (await import("./init.ts")).initCommand,
  },
];
