/** A line that starts a Markdown block of its own (table row, list item, heading, quote, fence, indented code). */
const BLOCK_LINE = /^(\s*[|#>]|\s*[-*+]\s|\s*\d+[.)]\s|\s*```|\s{4})/;

/**
 * Joins the lines of each Markdown paragraph with a space. Redoc's search shows descriptions
 * with line breaks dropped, running the words on either side together ("send a" + newline +
 * "call_handler" became "send acall_handler"); the rendered text is the same either way.
 */
export function unwrapParagraphs(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    const previous = out.length > 0 ? out[out.length - 1]! : '';
    const joinable = !fenced && line.trim() !== '' && previous.trim() !== '' && !BLOCK_LINE.test(line) && !BLOCK_LINE.test(previous);
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (joinable) out[out.length - 1] = `${previous.trimEnd()} ${line.trimStart()}`;
    else out.push(line);
  }
  return out.join('\n');
}

/** Unwraps every `description` in the docs' copy of the spec (see unwrapParagraphs). */
export function unwrapDescriptions(node: unknown): void {
  if (Array.isArray(node)) node.forEach(unwrapDescriptions);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') (node as Record<string, unknown>)[key] = unwrapParagraphs(value);
      else unwrapDescriptions(value);
    }
  }
}

/**
 * The last touches to the page `redocly build-docs` writes, so that it works from the file
 * alone and reads well.
 *
 * - Redoc's "API docs by Redocly" link shows a logo loaded from Redocly's CDN: the page's only
 *   request to another site. The logo becomes an inline image of the same words, so nothing
 *   leaves the file. When a Redoc upgrade changes that code, the build fails here instead of
 *   the page quietly going back online.
 * - Inline code in tables (handler names, field names) never breaks inside a name: Redoc's
 *   style lets it break at any character.
 */
const REMOTE_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];

/** "Redocly" as a small grey SVG, URL-encoded without quotes or backticks (it sits in a JS template literal). */
const INLINE_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='14'%3E%3Ctext x='0' y='11' font-family='sans-serif' font-size='11' fill='%23777'%3ERedocly%3C/text%3E%3C/svg%3E";

const STYLE = `<style>
/* Names in tables stay whole: a handler or field name wraps only as a unit. */
td code { white-space: nowrap; word-break: keep-all; overflow-wrap: normal; }
</style>`;

export function finishPage(html: string): string {
  let page = html;
  for (const logo of REMOTE_LOGOS) {
    if (!page.includes(logo)) throw new Error(`docs: the built page no longer refers to ${logo}; check what it loads from the network now`);
    page = page.split(logo).join(INLINE_LOGO);
  }
  if (!page.includes('</head>')) throw new Error('docs: the built page has no </head>');
  return page.replace('</head>', `${STYLE}\n</head>`);
}
