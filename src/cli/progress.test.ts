import { describe, expect, it } from "vitest";
import { progress, progressLine, type ProgressStream } from "./progress.ts";

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    columns: 60,
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe("progress", () => {
  it("stays silent when the stream is not a terminal", () => {
    const stream = fakeStream(false);
    const bar = progress("work", { stream });
    bar.tick(1, 2, "a");
    bar.tick(2, 2);
    bar.done();
    expect(stream.text).toBe("");
  });

  it("draws a bar on a terminal, throttled, always drawing the last tick, and erases it when done", () => {
    const stream = fakeStream(true);
    let clock = 0;
    const bar = progress("work", { stream, now: () => clock, intervalMs: 100 });
    bar.tick(1, 4, "first");
    clock = 50;
    bar.tick(2, 4, "skipped");
    clock = 60;
    bar.tick(4, 4, "last");
    bar.done();
    expect(stream.text).toContain("first");
    expect(stream.text).not.toContain("skipped");
    expect(stream.text).toContain("100% 4/4 last");
    expect(stream.text.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("draws 80 columns when the terminal reports no width", () => {
    const stream = { ...fakeStream(true), columns: 0 };
    progress("work", { stream }).tick(1, 2);
    expect(stream.text).toContain("work [");
  });

  it("fits the line to the terminal width", () => {
    const line = progressLine("figures", 30, 120, "figure-2-L10000 with a very long label that will not fit", 50);
    expect(line.length).toBeLessThanOrEqual(49);
    expect(line).toMatch(/^figures \[#+-+\]  25% 30\/120/);
  });
});
