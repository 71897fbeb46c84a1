import type { ConsoleLevel, ConsoleLine } from "./types";

const LEVELS: ReadonlySet<string> = new Set<ConsoleLevel>(["log", "info", "warn", "error", "debug"]);

/** Keeps a run's console output within its limits, so a chatty loop cannot fill the host's memory. */
export class ConsoleCapture {
  private readonly lines: ConsoleLine[] = [];
  private dropped = 0;

  constructor(
    private readonly maxLines: number,
    private readonly maxChars: number,
  ) {}

  add(level: string, message: string): void {
    if (this.lines.length >= this.maxLines) {
      this.dropped++;
      return;
    }
    const text = message.length > this.maxChars ? `${message.slice(0, this.maxChars)}… (truncated)` : message;
    this.lines.push({ level: LEVELS.has(level) ? (level as ConsoleLevel) : "log", message: text });
  }

  result(): ConsoleLine[] {
    if (this.dropped === 0) return [...this.lines];
    const note = `${this.dropped} more console line(s) dropped: a run keeps ${this.maxLines}`;
    return [...this.lines, { level: "warn", message: note }];
  }
}
