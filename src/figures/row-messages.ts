/** Messages between the row pool and its worker threads. */

export interface RowRequest {
  /** Position of the job in the pool's job list. */
  readonly index: number;
  readonly panelId: string;
  readonly n: number;
}

export type RowReply =
  | { readonly index: number; readonly row: { readonly n: number; readonly values: readonly string[] } }
  | { readonly index: number; readonly error: string };
