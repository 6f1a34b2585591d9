/**
 * The one path by which a value of the spec (a pattern, a string, a number, a property name)
 * becomes code in the generated validators. Nothing else in the emitter writes a value of the
 * spec into code, so no spec can make the module run code of its own.
 */

/** A name that can follow a dot: `object.username`. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A string literal for any string: JSON escapes quotes, backslashes and every control character. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** `[ "a", "b" ]` as code. */
export function stringArrayLiteral(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(', ')}]`;
}

/** A finite number as code; anything else stops the run (the model only gives finite numbers). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`validators: ${value} is not a finite number`);
  // `String` writes every finite number so that reading it back gives the same number.
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A pattern compiled the way Ajv compiles it (`u` flag). It is checked here, so a pattern that
 * is not a valid regular expression stops the run instead of the import; and it is passed to
 * the `RegExp` constructor as a string literal, so it cannot end the expression early.
 */
export function regexExpression(source: string): string {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    throw new Error(`validators: the pattern ${stringLiteral(source)} is not a valid regular expression with the u flag: ${(error as Error).message}`);
  }
  return `new RegExp(${stringLiteral(source)}, "u")`;
}

/** `object.name`, or `object["odd name"]` when the name is not an identifier. */
export function propertyAccess(objectName: string, key: string): string {
  return isIdentifier(key) ? `${objectName}.${key}` : `${objectName}[${stringLiteral(key)}]`;
}

/** Text for a `//` comment: one line, whatever the spec's text contains. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Text for a `/** … *\/` comment: cannot end the comment early. */
export function docText(text: string): string {
  return commentText(text).replace(/\*\//g, '*\\/');
}
