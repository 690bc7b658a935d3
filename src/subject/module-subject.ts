/**
 * A module subject (`--subject ./impl.mjs`, `.js`, `.ts`): the module runs in a worker thread (worker-instance.ts),
 * each call runs the export named after the op with a fresh copy of the args; a throw is an error answer (an
 * `unsupported...` message: unsupported), a missing export is unsupported, `capabilities` defaults to the protocol's
 * ops the module exports. One call runs at a time by default (maxInFlight 1), so a timeout names the call that hung;
 * a hung or crashed worker is terminated and a fresh one loads the module again for later calls.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../errors.ts";
import { type Subject, type SubjectOptions, withDefaults } from "./subject.ts";
import { SupervisedSubject } from "./supervised-subject.ts";
import { WorkerInstance } from "./worker-instance.ts";

export const MODULE_IN_FLIGHT_DEFAULT = 1;

/** A subject loaded from a JS/TS module file (relative to the working directory). Throws UsageError. */
export function openModuleSubject(path: string, options: SubjectOptions = {}): Subject {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new UsageError(`--subject ${JSON.stringify(path)}: no such file`);
  const settings = withDefaults(options, MODULE_IN_FLIGHT_DEFAULT);
  const instanceOptions = {
    moduleUrl: pathToFileURL(absolute).href,
    useTsx: /\.[cm]?tsx?$/.test(absolute), // as Node and tsx match extensions: case-sensitively
    captureBytes: settings.captureBytes,
    maxHeapMb: settings.maxHeapMb,
  };
  return new SupervisedSubject(`module ${path}`, () => new WorkerInstance(instanceOptions), settings);
}
