/** Types of session-kill.mjs (plain JavaScript, shared with the watchdog process). */
/** The live (non-zombie) processes of session `sid`, from /proc; null when /proc cannot be read (not Linux). */
export declare function sessionMembers(sid: number): number[] | null;
/** SIGKILLs every process of session `sid` and the group it leads; RangeError unless sid is a positive integer. */
export declare function killSession(sid: number): void;
