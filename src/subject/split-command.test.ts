import { describe, expect, test } from "vitest";
import { UsageError } from "../errors.ts";
import { splitCommand } from "./split-command.ts";

describe("splitCommand", () => {
  test.each<[string, string[]]>([
    ["python3 my_impl.py", ["python3", "my_impl.py"]],
    ["  python3\t my_impl.py \n", ["python3", "my_impl.py"]],
    ["node", ["node"]],
    ["a\tb\nc\rd\fe\vf", ["a", "b", "c", "d", "e", "f"]],
    ["python3 'my impl.py'", ["python3", "my impl.py"]],
    ['python3 "my impl.py"', ["python3", "my impl.py"]],
    ["python3 my\\ impl.py", ["python3", "my impl.py"]],
    ["a 'b\\c'", ["a", "b\\c"]], // no escapes inside single quotes
    ["a 'it'\\''s'", ["a", "it's"]], // the shell idiom for a quote inside single quotes
    ['a "say \\"hi\\""', ["a", 'say "hi"']],
    ['a "back\\\\slash"', ["a", "back\\slash"]],
    ['a "C:\\dir\\n"', ["a", "C:\\dir\\n"]], // other backslashes inside double quotes stay
    ['a "it\'s"', ["a", "it's"]],
    ["a '\"q\"'", ["a", '"q"']],
    ['--x="a b"c', ["--x=a bc"]], // pieces next to each other form one word
    ["a '' b", ["a", "", "b"]],
    ['a ""', ["a", ""]],
    ["a \\'b", ["a", "'b"]],
    ["a \\\\", ["a", "\\"]],
    ["a\\\nb", ["ab"]], // backslash-newline joins lines
    ["a '|' \"&\" \\; '>' \"<\"", ["a", "|", "&", ";", ">", "<"]], // quoted or escaped operators are plain text
    ["echo $HOME ~ *.py #x (y) `z` {a,b}", ["echo", "$HOME", "~", "*.py", "#x", "(y)", "`z`", "{a,b}"]], // nothing expands
    ["a=b cmd", ["a=b", "cmd"]], // no environment assignments either
    ["ünï 'ç ø'", ["ünï", "ç ø"]],
  ])("%j -> %j", (command, argv) => {
    expect(splitCommand(command)).toEqual(argv);
  });

  test.each<[string, RegExp]>([
    ["python3 impl.py | tee log", /"\|" needs a shell.*character 17/],
    ["a; b", /";"/],
    ["a && b", /"&"/],
    ["a &", /"&"/],
    ["a > out", /">"/],
    ["a>out", /">"/],
    ["a 2>&1", /">"/],
    ["a < in", /"<"/],
    ["a 'unterminated", /unterminated single quote at character 3/],
    ['a "unterminated', /unterminated double quote/],
    ['a "x\\"', /unterminated double quote/],
    ["a \\", /trailing backslash/],
    ["", /empty/],
    ["   \t\n", /empty/],
  ])("%j is a usage error", (command, message) => {
    expect(() => splitCommand(command)).toThrow(UsageError);
    expect(() => splitCommand(command)).toThrow(message);
  });
});
