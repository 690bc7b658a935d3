/** Waiting for a writable stream to take more output. */

/** Resolves when `stream` can take more (its 'drain'), or at once when it is closed or broken: never hangs. */
export function drained(stream: NodeJS.WritableStream & { writable?: boolean }): Promise<void> {
  if (stream.writable === false) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.removeListener("drain", done);
      stream.removeListener("close", done);
      stream.removeListener("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
