// Entry point of a `bonkl serve` worker thread: registers tsx (workers start with no loader), then runs the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./serve-worker.ts");
