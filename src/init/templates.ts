/**
 * The files `bonkl init` prints: the Python helper (bonkl_subject.py) and the JS module-subject template. They sit
 * beside this module and are read as data, located through import.meta.url, so the lookup works from an installed
 * package and from a compiled copy that keeps this folder's files together (a build must copy the .py and .mjs).
 */
import { readFileSync } from "node:fs";

export interface InitTarget {
  /** The name given on the command line: `bonkl init <name>`. */
  name: string;
  /** The file in this folder that is printed. */
  file: string;
  /** The file name suggested to the user (`npx bonkl init <name> > <suggested>`). */
  suggested: string;
  /** One line for the help text. */
  summary: string;
}

export const INIT_TARGETS: readonly InitTarget[] = [
  {
    name: "python",
    file: "bonkl_subject.py",
    suggested: "bonkl_subject.py",
    summary: "the Python helper: `from bonkl_subject import serve; serve(klBon=kl_bon, ...)` runs the protocol loop",
  },
  {
    name: "js",
    file: "subject-template.mjs",
    suggested: "subject.mjs",
    summary: "a commented JS module-subject template: one export per op, capabilities, float64 and error notes",
  },
];

/** The target named `name`, or undefined. */
export function initTarget(name: string): InitTarget | undefined {
  return INIT_TARGETS.find((t) => t.name === name);
}

/** The exact bytes of a target's file. */
export function templateBytes(target: InitTarget): Buffer {
  return readFileSync(new URL(`./${target.file}`, import.meta.url));
}
