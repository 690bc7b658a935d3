/** Opens the subject a user named: `--subject <module file>` or `--subject-cmd <command line>`. */
import { UsageError } from "../errors.ts";
import { openModuleSubject } from "./module-subject.ts";
import { openProcessSubject } from "./process-subject.ts";
import type { Subject, SubjectOptions } from "./subject.ts";

export type SubjectSpec = { module: string; command?: undefined } | { command: string; module?: undefined };

/** Throws UsageError for a missing module file, a bad command line, both or neither given, or bad options. */
export function openSubject(spec: SubjectSpec, options: SubjectOptions = {}): Subject {
  const { module, command } = spec as { module?: string; command?: string };
  if (module !== undefined && command !== undefined) throw new UsageError("give either --subject or --subject-cmd, not both");
  if (module !== undefined) return openModuleSubject(module, options);
  if (command !== undefined) return openProcessSubject(command, options);
  throw new UsageError("no subject: give --subject <module file> or --subject-cmd <command line>");
}
