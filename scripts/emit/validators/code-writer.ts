/**
 * Builds the text of the generated module line by line, with two-space indentation. The
 * module is assembled as text and joined once at the end, so the cost of emitting grows with
 * the size of the output and nothing is parsed back.
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** One line at the current indentation (an empty line for no text). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** `head {` (a bare `{` for no head), the body one level deeper, then `}` (or `tail`). */
  block(head: string, body: () => void, tail = '}'): this {
    this.line(head === '' ? '{' : `${head} {`);
    this.indented(body);
    return this.line(tail);
  }

  /**
   * `const name = (parameters): result => {`, the body one level deeper, then `};`. The
   * module's functions are constants rather than `function` declarations because a module's
   * `function` binding can be reassigned: V8 reads and checks it at every call through it,
   * while a constant, once set, it takes as fixed, so a test that calls another (`isX`, then
   * the schema's check, then its rule finder) compiles with no check between them.
   */
  constFunction(name: string, parameters: string, result: string, body: () => void): this {
    return this.block(`const ${name} = (${parameters}): ${result} =>`, body, '};');
  }

  /** The body one level deeper, without braces (the statements of a `case`). */
  indented(body: () => void): this {
    this.depth++;
    body();
    this.depth--;
    return this;
  }

  /** The lines written so far, each with its indentation. */
  lineList(): readonly string[] {
    return this.lines;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}
