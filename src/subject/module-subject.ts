/**
 * A module subject (`--subject ./impl.mjs`, `.js`, `.cjs`, `.ts`, `.mts`, `.cts`): the module runs in a host process
 * (module-instance.ts), each call runs the export named after the op with a fresh copy of the args; a throw is an error
 * answer (an `unsupported...` message: unsupported), a missing export is unsupported, `capabilities` defaults to the
 * protocol's ops the module exports. The host runs one call at a time, in the order sent, so the oldest unanswered
 * call is the one running and a timeout or a death names it (supervised-subject.ts blames the oldest); up to 16 calls
 * are sent ahead, so that the host never waits for bonkl between calls. A hung or dead host is killed with its
 * session and a fresh one loads the module again for later calls (the calls queued behind the one to blame with it).
 */
import { pathToFileURL } from "node:url";
import { ModuleInstance } from "./module-instance.ts";
import { checkModulePath } from "./module-path.ts";
import { type Subject, type SubjectOptions, withDefaults } from "./subject.ts";
import { SupervisedSubject } from "./supervised-subject.ts";
import { locateTsx } from "./tsx-location.ts";

export const MODULE_IN_FLIGHT_DEFAULT = 16;

/** A subject loaded from a JS/TS module file (relative to the working directory). Throws UsageError. */
export function openModuleSubject(path: string, options: SubjectOptions = {}): Subject {
  const module = checkModulePath(path);
  const settings = withDefaults(options, MODULE_IN_FLIGHT_DEFAULT);
  const instanceOptions = {
    moduleUrl: pathToFileURL(module.absolute).href,
    tsxUrl: module.typescript ? locateTsx(path) : null,
    captureBytes: settings.captureBytes,
    maxHeapMb: settings.maxHeapMb,
    maxLineBytes: settings.maxLineBytes,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  return new SupervisedSubject(`module ${path}`, () => new ModuleInstance(instanceOptions), settings);
}
