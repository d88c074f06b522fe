import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";

/** A position in a text file, 1-based, for messages a person can follow in an editor. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A JSON file read from disk: its value, plus a way to find where a JSON path sits in the text. */
export interface JsonDocument {
  file: string;
  value: unknown;
  /** Line and column of the value at `path` (`["steps", "review", "next"]`), or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): TextPosition | undefined;
}

/** A file that is not well-formed JSON; each problem carries its line and column. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { message: string; position: TextPosition }[],
  ) {
    super(problems.map((p) => `${file}:${p.position.line}:${p.position.column}: ${p.message}`).join("\n"));
    this.name = "JsonSyntaxError";
  }
}

const hints: Record<string, string> = {
  ValueExpected: "a value is missing here",
  CloseBraceExpected: "an object is not closed with '}' — is the file cut off?",
  CloseBracketExpected: "a list is not closed with ']' — is the file cut off?",
  ColonExpected: "expected ':' after a property name",
  CommaExpected: "expected ',' between items",
  PropertyNameExpected: "expected a property name in double quotes",
  EndOfFileExpected: "there is text after the end of the JSON value",
  UnexpectedEndOfString: "a string is not closed with '\"'",
  InvalidSymbol: "this is not valid JSON here",
};

function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses JSON text strictly (no comments, no trailing commas) and keeps the syntax tree so that
 * validation errors given as JSON paths can be shown with a line and column.
 */
export function parseJsonDocument(file: string, text: string): JsonDocument {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (text.trim() === "") {
    throw new JsonSyntaxError(file, [{ message: "the file is empty", position: { line: 1, column: 1 } }]);
  }
  if (errors.length > 0 || tree === undefined) {
    throw new JsonSyntaxError(
      file,
      errors.map((e) => {
        const code = printParseErrorCode(e.error);
        return { message: hints[code] ?? code, position: positionAt(text, e.offset) };
      }),
    );
  }
  return {
    file,
    value: JSON.parse(text) as unknown,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node: Node | undefined = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
        if (node) {
          // For a property, point at its key rather than the value, which is where an editor puts the cursor.
          const at = node.parent?.type === "property" ? node.parent.offset : node.offset;
          return positionAt(text, at);
        }
      }
      return undefined;
    },
  };
}
