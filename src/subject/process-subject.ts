/**
 * A program subject (`--subject-cmd`): the command line is split into argv (split-command.ts, no shell), the program
 * is started at the first call and restarted after a hang or a death (supervised-subject.ts), and it talks JSON Lines
 * over stdin/stdout (process-instance.ts). Up to 64 requests are in flight at once by default.
 */
import { ProcessInstance } from "./process-instance.ts";
import { splitCommand } from "./split-command.ts";
import { type Subject, type SubjectOptions, withDefaults } from "./subject.ts";
import { SupervisedSubject } from "./supervised-subject.ts";

export const PROCESS_IN_FLIGHT_DEFAULT = 64;

/** A subject run as a program; `command` is a `--subject-cmd` string or an argv already split. Throws UsageError. */
export function openProcessSubject(command: string | string[], options: SubjectOptions = {}): Subject {
  const argv = typeof command === "string" ? splitCommand(command) : [...command];
  if (argv.length === 0) throw new Error("openProcessSubject: empty argv");
  const settings = withDefaults(options, PROCESS_IN_FLIGHT_DEFAULT);
  const description = `command ${JSON.stringify(typeof command === "string" ? command : argv.join(" "))}`;
  const instanceOptions = {
    argv,
    maxLineBytes: settings.maxLineBytes,
    captureBytes: settings.captureBytes,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  return new SupervisedSubject(description, () => new ProcessInstance(instanceOptions), settings);
}
