/**
 * Splits a `--subject-cmd` string into argv, as protocol.md promises: white space separates words; single quotes,
 * double quotes and backslash escapes group and protect characters; nothing else is special (no variables, globs,
 * `~`, comments or subshells: `$HOME`, `*.py`, `#` reach the program as written). `|`, `;`, `&`, `>` and `<`
 * outside quotes are usage errors, since without a shell they would silently not do what they look like.
 * No shell ever runs the result.
 *
 * The rules, which follow the POSIX shell where they overlap:
 * - white space (space, tab, newline, carriage return, form feed, vertical tab) ends a word;
 * - `'...'` keeps every character inside literally, backslashes included; it cannot contain `'`;
 * - `"..."` keeps every character literally except `\"` and `\\`, which stand for `"` and `\`
 *   (any other backslash inside double quotes is kept, so `"C:\dir"` stays `C:\dir`);
 * - outside quotes, `\c` stands for the character c (so `\ `, `\'`, `\|` are literal), and a backslash before a
 *   newline joins the lines;
 * - quoted and unquoted pieces next to each other form one word (`--x="a b"` is `--x=a b`); `''` or `""` alone is
 *   an empty argument;
 * - an unterminated quote, a trailing backslash or an empty command is a usage error.
 */
import { UsageError } from "../errors.ts";

const WHITE_SPACE = new Set([" ", "\t", "\n", "\r", "\f", "\v"]);
const SHELL_OPERATORS = new Set(["|", ";", "&", ">", "<"]);

export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false; // true once the current word has begun, even if it is still empty (`""`)
  let i = 0;
  const fail = (what: string, at: number): never => {
    throw new UsageError(`--subject-cmd ${JSON.stringify(command)}: ${what} at character ${at + 1}`);
  };
  while (i < command.length) {
    const c = command[i] as string;
    if (WHITE_SPACE.has(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) fail("unterminated single quote", i);
      word += command.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= command.length) fail("unterminated double quote", i);
        const d = command[j] as string;
        if (d === '"') break;
        const next = command[j + 1];
        if (d === "\\" && (next === '"' || next === "\\")) {
          word += next;
          j += 2;
        } else {
          word += d;
          j += 1;
        }
      }
      inWord = true;
      i = j + 1;
    } else if (c === "\\") {
      if (i + 1 >= command.length) fail("trailing backslash", i);
      const next = command[i + 1] as string;
      if (next !== "\n") {
        word += next;
        inWord = true;
      }
      i += 2;
    } else if (SHELL_OPERATORS.has(c)) {
      fail(`"${c}" needs a shell, and none runs the subject (quote or escape it to pass it as an argument)`, i);
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new UsageError("--subject-cmd is empty: give the program to run, e.g. \"python3 my_impl.py\"");
  return words;
}
