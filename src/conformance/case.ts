/** One generated input of a conformance domain: the protocol args sent to the subject, and a readable label. */
export interface Case {
  /** The op's protocol arguments (JSON-serialisable). */
  readonly args: Record<string, unknown>;
  /** How the case was made (its generator parameters), for reports: `L=3 n=12`, `tiny 1e-300 at the top`... */
  readonly label: string;
}
