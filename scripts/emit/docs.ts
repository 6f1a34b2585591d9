/**
 * Emits `generated/docs/index.html`: the Redoc reference, built by `redocly build-docs`
 * with Redoc inlined so that the page works offline.
 *
 * Redoc does not render `if`/`then`, so it builds from a docs-only copy of the spec, made
 * from the model; `generated/openapi.json` stays as written. In that copy:
 * - the "Handler rules" section of the introduction (added when missing) ends with a table of
 *   each handler and the fields it requires, and each operation whose body has handler rules
 *   links to it;
 * - those bodies are shown as one variant per handler (docs-request-bodies.ts);
 * - every operation has a TypeScript and a curl sample (docs-code-samples.ts; the TypeScript
 *   samples' files come from that module's own emitter).
 * - descriptions have their paragraphs on one line each, for Redoc's search (docs-page.ts).
 * The built page is then made to work offline and to keep handler names whole (docs-page.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool, withoutBanner } from '../run-tool.ts';
import { objectSchema } from '../model/read-model.ts';
import type { ApiModel, HandlerRulesModel } from '../model/types.ts';
import type { EmitContext, GeneratedFile, ModelEmitter } from './emitter.ts';
import { addCodeSamples, SAMPLE_LANGUAGES } from './docs-code-samples.ts';
import { finishPage, unwrapDescriptions } from './docs-page.ts';
import { showBodiesPerHandler } from './docs-request-bodies.ts';
import { describePatterns } from './docs-pattern-messages.ts';

export const DOCS_PATH = 'generated/docs/index.html';

/** A Markdown table: one row per handler, with the fields it requires. */
export function handlerRulesTable(rules: HandlerRulesModel): string {
  const rows = rules.rules.map((rule) => {
    const needs =
      rule.alternatives.length === 0
        ? 'nothing more'
        : rule.alternatives.map((fields) => fields.map((f) => `\`${f}\``).join(' and ')).join(' or ');
    return `| \`${rule.handler}\` | ${needs} |`;
  });
  return [
    // Bold, not a heading: Redoc lists headings in the sidebar, and this belongs to its section.
    `**Fields required by \`${rules.discriminator}\`**`,
    '',
    `When the body sets \`${rules.discriminator}\`, it must also carry that handler's fields.`,
    `Fields of other handlers are accepted and ignored.`,
    '',
    `| \`${rules.discriminator}\` | Also required |`,
    '| --- | --- |',
    ...rows,
  ].join('\n');
}

export const HANDLER_RULES_HEADING = 'Handler rules';

/** Redoc's anchor for a heading of the introduction. */
function sectionAnchor(heading: string): string {
  return `#/section/${heading.toLowerCase().replace(/\s+/g, '-')}`;
}

/**
 * The introduction with every handler-rules table at the end of its "Handler rules" section
 * (a level-2 heading; added at the end when the introduction has none).
 */
export function withHandlerRulesSection(description: string, tables: readonly string[]): string {
  const lines = description.trimEnd().split('\n');
  const heading = lines.findIndex((line) => line.trim().toLowerCase() === `## ${HANDLER_RULES_HEADING.toLowerCase()}`);
  if (heading === -1) return [...lines, '', `## ${HANDLER_RULES_HEADING}`, '', ...tables.flatMap((t) => [t, ''])].join('\n');
  const next = lines.findIndex((line, i) => i > heading && /^#{1,2}\s/.test(line));
  const end = next === -1 ? lines.length : next;
  const section = lines.slice(0, end);
  while (section.length > 0 && section[section.length - 1]!.trim() === '') section.pop();
  return [...section, '', ...tables.flatMap((t) => [t, '']), ...lines.slice(end)].join('\n').trimEnd() + '\n';
}

/** The docs' copy of the spec (see the top of this file). */
export function specForDocs(spec: Record<string, any>, model: ApiModel): Record<string, any> {
  const copy = structuredClone(spec);
  const tables = new Map<string, string>();
  for (const operation of model.operations) {
    if (!operation.requestBody) continue;
    const ruleSets = objectSchema(model, operation.requestBody.schema).handlerRules;
    if (ruleSets.length === 0) continue;
    for (const rules of ruleSets) tables.set(`${rules.pointer}/${rules.discriminator}`, handlerRulesTable(rules));
    const target = copy.paths[operation.path][operation.method];
    const discriminators = ruleSets.map((rules) => `\`${rules.discriminator}\``).join(' and ');
    const link = `The fields each ${discriminators} value requires: see [${HANDLER_RULES_HEADING}](${sectionAnchor(HANDLER_RULES_HEADING)}); the request body below shows one variant per handler.`;
    target.description = `${String(target.description ?? '').trimEnd()}\n\n${link}\n`;
  }
  if (tables.size > 0) copy.info.description = withHandlerRulesSection(String(copy.info.description ?? ''), [...tables.values()]);
  showBodiesPerHandler(copy, model);
  addCodeSamples(copy, spec, model);
  describePatterns(copy);
  unwrapDescriptions(copy);
  return copy;
}

function htmlHeader(specHash: string): string {
  return `<!-- Generated by \`npm run generate\` (scripts/emit/docs.ts, redocly build-docs) from spec/ via generated/openapi.json. Spec hash: ${specHash}. Do not edit. -->\n`;
}

/**
 * Runs `redocly build-docs` on a scratch copy of the docs' spec and returns the page. The
 * scratch folder (under `scratch`, the system's temporary folder by default) is removed in
 * every case.
 */
export async function buildDocs(root: string, { spec, model, specHash, signal }: EmitContext, scratch = os.tmpdir()): Promise<GeneratedFile[]> {
  // Up to the tool's start everything is synchronous, so that the tool is running when this
  // returns its promise: the steps the pipeline runs meanwhile (the type-check) hold the event
  // loop, and an awaited write would only complete, and the tool only start, after them.
  const work = mkdtempSync(path.join(scratch, 'sip-docs-'));
  try {
    const input = path.join(work, 'openapi.json');
    const output = path.join(work, 'index.html');
    // Redoc's settings for the page (JSON is YAML); the lint settings of redocly.yaml play no part here.
    const config = path.join(work, 'redocly.yaml');
    writeFileSync(config, JSON.stringify({ openapi: { codeSamples: { languages: SAMPLE_LANGUAGES } } }));
    // Compact: the tool parses JSON with its YAML parser, whose time grows with every character.
    writeFileSync(input, JSON.stringify(specForDocs(spec, model)));
    // In the background: the pipeline waits longer on the type-check, which runs meanwhile.
    const result = await runTool(root, 'redocly', ['build-docs', input, '-o', output, '--inlineBundle', '--config', config], signal, { background: true });
    if (result.code !== 0) {
      throw new Error(`redocly build-docs failed:\n${withoutBanner(result.stdout + '\n' + result.stderr)}`);
    }
    const html = finishPage(await readFile(output, 'utf8'));
    return [{ path: DOCS_PATH, contents: htmlHeader(specHash) + html }];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const docsEmitter: ModelEmitter = {
  name: 'docs (redocly build-docs)',
  owns: ['generated/docs'],
  childProcess: true,
  emit: (context) => buildDocs(context.root, context),
};
