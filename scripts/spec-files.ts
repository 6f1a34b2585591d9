/**
 * Reads the spec's YAML files before Redocly does, to refuse what Redocly reports badly or not
 * at all, each with the file and line of the mistake:
 *
 * - a syntax error, reported once at the line of the mistake (Redocly reports it once per
 *   reference to the file, at the line where the parser gave up, and lints on);
 * - aliases that expand without bound (an "alias bomb": a few lines that bundle to gigabytes);
 * - a `$ref` that leads back to itself through `$ref`s only, which Redocly either reports with
 *   no file or line or throws from where it cannot be caught.
 *
 * Follows `$ref`s from the root file, so only files that are part of the spec are read. A spec
 * whose files are all plain JSON is first read with `JSON.parse`, and as YAML only when it has a
 * problem to report (see `plainJsonWithoutRefCycles`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';

/** More aliases than any hand-written spec uses; far fewer than an expansion attack needs. */
export const MAX_ALIASES = 100;

interface SpecFile {
  doc: Document;
  lines: LineCounter;
  text: string;
}

/** A problem as `file:line:col  error  rule  message`, the shape of every spec problem. */
type Problem = string;

function where(root: string, file: string, lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `${path.relative(root, file).split(path.sep).join('/')}:${line}:${col}`;
}

/**
 * The opening bracket of the flow collection that a "must end with a ]" error is about: the
 * parser notices the missing bracket only where the next entry starts, lines later.
 */
function unclosedBracket(text: string, errorOffset: number, close: ']' | '}'): number | undefined {
  const open = close === ']' ? '[' : '{';
  let depth = 0;
  let quote: string | undefined;
  let opened: number | undefined;
  for (let i = 0; i < errorOffset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < errorOffset && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && depth > 0) quote = c;
    else if (c === open) {
      if (depth === 0) opened = i;
      depth++;
    } else if (c === close && depth > 0) depth--;
  }
  return depth > 0 ? opened : undefined;
}

function syntaxProblem(root: string, file: string, spec: SpecFile): Problem | undefined {
  const error = spec.doc.errors[0];
  if (!error) return undefined;
  const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const close = /end with a ([\]}])/.exec(firstLine)?.[1] as ']' | '}' | undefined;
  const opened = close ? unclosedBracket(spec.text, error.pos[0], close) : undefined;
  if (opened !== undefined) {
    return `${where(root, file, spec.lines, opened)}  error  yaml-syntax  this "${spec.text[opened]}" is never closed with "${close}"`;
  }
  return `${where(root, file, spec.lines, error.pos[0])}  error  yaml-syntax  ${firstLine}`;
}

/** Walks a node, calling `onMap` with each map; aliases are not followed. */
function walk(node: unknown, onMap: (map: Node) => void): void {
  if (isMap(node)) {
    onMap(node);
    for (const pair of node.items as Pair[]) walk(pair.value, onMap);
  } else if (isSeq(node)) {
    for (const item of node.items) walk(item, onMap);
  }
}

/** Whether the document uses an alias anywhere, keys included. */
function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

function refPair(node: unknown): Pair | undefined {
  if (!isMap(node)) return undefined;
  return (node.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === '$ref' && isScalar(pair.value) && typeof pair.value.value === 'string');
}

const decode = (segment: string) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

/** The node a JSON pointer names in a document, through aliases; undefined when it names nothing. */
function nodeAt(doc: Document, pointer: string): unknown {
  let node: unknown = doc.contents;
  for (const segment of pointer.split('/').slice(1).map(decode)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) node = (node.items as Pair[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === segment)?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The text's value when it is plain JSON, which has no aliases and, once parsed, nothing to report. */
function parseJson(text: string): { value: unknown } | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function jsonRef(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const ref = (value as Record<string, unknown>).$ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** Walks a parsed JSON value, calling `onObject` with each object. */
function walkJson(value: unknown, onObject: (object: object) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walkJson(item, onObject);
  } else if (value !== null && typeof value === 'object') {
    onObject(value);
    for (const inner of Object.values(value)) walkJson(inner, onObject);
  }
}

/** The value a JSON pointer names in a parsed JSON value; undefined when it names nothing. */
function jsonAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const segment of pointer.split('/').slice(1).map(decode)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

/** The file a `$ref` in `fromFile` names and the JSON pointer within it (a local `$ref` names `fromFile`). */
function refTarget(fromFile: string, ref: string): { file: string; pointer: string } {
  const [target = '', pointer = ''] = ref.split('#');
  return { file: target ? path.resolve(path.dirname(fromFile), decodeURIComponent(target)) : fromFile, pointer };
}

/**
 * Reads each file reachable from the root once, handing its text to `read`, which returns the
 * `$ref`s to follow from it. Remote `$ref`s are not followed, and a missing file is skipped: it
 * is Redocly's to report, at the `$ref` that names it.
 */
function readReachable(rootFile: string, read: (file: string, text: string) => readonly string[]): void {
  const seen = new Set<string>();
  const pending = [path.resolve(rootFile)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const ref of read(file, text)) {
      if (!ref.startsWith('#') && !/^[a-z]+:/i.test(ref)) pending.push(refTarget(file, ref).file);
    }
  }
}

/**
 * True when every file reachable from the root is plain JSON and no chain of $ref-only hops
 * among them comes back on itself: then there is nothing to report, found without the YAML
 * parser, which is many times slower on a big file (a spec that another tool generated or
 * bundled is often one big JSON file). Anything else is read again as YAML (see
 * `checkSpecFiles`), which reports it with its line. A key written twice in a JSON object is
 * left to Redocly, whose parser reports it at its line.
 */
function plainJsonWithoutRefCycles(rootFile: string): boolean {
  const files = new Map<string, unknown>();
  let plain = true;
  readReachable(rootFile, (file, text) => {
    const json = plain ? parseJson(text) : undefined;
    if (!json) {
      plain = false;
      return [];
    }
    files.set(file, json.value);
    const refs: string[] = [];
    walkJson(json.value, (object) => {
      const ref = jsonRef(object);
      if (ref !== undefined) refs.push(ref);
    });
    return refs;
  });
  if (!plain) return false;
  for (const [file, value] of files) {
    let cycle = false;
    walkJson(value, (object) => {
      if (cycle || jsonRef(object) === undefined) return;
      const seen = new Set<unknown>([object]);
      let current: { file: string; node: unknown } = { file, node: object };
      for (let ref = jsonRef(object); ref !== undefined; ref = jsonRef(current.node)) {
        const target = refTarget(current.file, ref);
        const node = files.has(target.file) ? jsonAt(files.get(target.file), target.pointer) : undefined;
        if (node === undefined) break;
        if (seen.has(node)) {
          cycle = true;
          break;
        }
        seen.add(node);
        current = { file: target.file, node };
      }
    });
    if (cycle) return false;
  }
  return true;
}

/** Reads every spec file reachable from the root by `$ref` and returns its problems (none when all is well). */
export function checkSpecFiles(root: string, rootFile: string): Problem[] {
  if (plainJsonWithoutRefCycles(rootFile)) return [];
  const files = new Map<string, SpecFile>();
  const problems: Problem[] = [];
  readReachable(rootFile, (file, text) => {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const spec = { doc, lines, text };
    files.set(file, spec);
    const syntax = syntaxProblem(root, file, spec);
    if (syntax) {
      problems.push(syntax);
      return [];
    }
    try {
      // Expanding the document is what counts its aliases; without any there is nothing to count.
      if (hasAlias(doc)) doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch {
      const rel = path.relative(root, file).split(path.sep).join('/');
      problems.push(`${rel}  error  yaml-aliases  the YAML aliases in this file expand too far (more than ${MAX_ALIASES} uses); write the values out or use $ref`);
      return [];
    }
    const refs: string[] = [];
    walk(doc.contents, (map) => {
      const ref = refPair(map);
      if (ref) refs.push(String((ref.value as { value: string }).value));
    });
    return refs;
  });
  if (problems.length > 0) return problems;

  // A chain of $ref-only hops that comes back to where it started never reaches a value.
  for (const [file, spec] of files) {
    walk(spec.doc.contents, (map) => {
      if (!refPair(map)) return;
      const seen = new Set<unknown>([map]);
      let current = { file, node: map as unknown };
      for (;;) {
        const ref = refPair(current.node);
        if (!ref) break;
        const target = refTarget(current.file, String((ref.value as { value: string }).value));
        const next = files.get(target.file);
        const node = next && nodeAt(next.doc, target.pointer);
        if (node === map) {
          const first = refPair(map)!;
          const offset = isScalar(first.key) && first.key.range ? first.key.range[0] : 0;
          const hops = seen.size === 1 ? 'itself' : `itself through ${seen.size} $refs`;
          problems.push(`${where(root, file, spec.lines, offset)}  error  no-circular-ref  $ref: ${String((first.value as { value: string }).value)} leads back to ${hops}, so it never reaches a value`);
          break;
        }
        // A cycle that does not pass through `map` is reported from a node on it.
        if (node === undefined || seen.has(node)) break;
        seen.add(node);
        current = { file: target.file, node };
      }
    });
  }
  return problems;
}
