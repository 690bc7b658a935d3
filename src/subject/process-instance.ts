/**
 * One run of a program subject: the program itself is the child (child-instance.ts), spawned directly from argv (no
 * shell) in a new session; requests go to its stdin as JSON Lines and answers come from its stdout; it takes requests
 * as soon as it is spawned, and shows it got going by its first output.
 */
import { ChildInstance, type ChildOptions } from "./child-instance.ts";
import type { InstanceSink } from "./instance.ts";

export type ProcessInstanceOptions = ChildOptions;

export class ProcessInstance extends ChildInstance {
  constructor(options: ProcessInstanceOptions) {
    super(options, "stdio");
  }

  protected override spawned(sink: InstanceSink): void {
    sink.ready(false);
  }
}
