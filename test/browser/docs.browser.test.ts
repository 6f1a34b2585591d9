/**
 * The API reference as a reader sees it: generated/docs/index.html opened from disk in
 * headless Chromium. Any request that leaves the file fails the test (it is aborted and
 * recorded), so the page must work offline.
 *
 * Checks that every operation can be reached from the sidebar and shows its summary; that the
 * sidebar's "Handler rules" section shows one row per handler with exactly the fields it
 * requires, names unbroken; that the create and update bodies offer one variant per handler
 * marking its fields required, plus one without the discriminator; that every operation
 * offers a TypeScript sample (the file the type check compiles) and a curl sample; and that
 * search results keep the words of a description apart. The expectations come from
 * generated/openapi.json through the model. Leaves a screenshot of the create operation in
 * test/browser/__screenshots__/create-operation.png (not committed).
 *
 * Needs Chromium (Debian's `chromium` at /usr/bin/chromium, which `.ci/run` installs, or
 * CHROMIUM_PATH), so it runs with `npm run test:browser`, not `npm test`.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectSchema, readModel } from '../../scripts/model/read-model.ts';
import type { OperationModel } from '../../scripts/model/types.ts';
import { readBundledSpec, REPO_ROOT } from '../support/repo.ts';

/** Debian's package; CHROMIUM_PATH may point elsewhere (a host with Chromium installed another way). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags from the toolchain notes: no sandbox (root in a container), no GPU, no background traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DOCS_URL = pathToFileURL(path.join(REPO_ROOT, 'generated/docs/index.html')).href;
const SCREENSHOT = path.join(REPO_ROOT, 'test/browser/__screenshots__/create-operation.png');
const HANDLER_RULES_SECTION = 'Handler rules';

const spec = await readBundledSpec();
const model = readModel(spec);
const operationsWithRules = model.operations.filter((op) => op.requestBody && objectSchema(model, op.requestBody.schema).handlerRules.length > 0);

let profileDir: string;
let context: BrowserContext;
let page: Page;
const requestsLeavingTheFile: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'sip-docs-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    requestsLeavingTheFile.push(url);
    return route.abort('internetdisconnected');
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(DOCS_URL, { waitUntil: 'load' });
});

afterAll(async () => {
  await context?.close();
  // Whatever a test did on the page, nothing may have left the file.
  expect(requestsLeavingTheFile).toEqual([]);
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** The sidebar link of an operation; Redoc links each one as `#/<tag>/<operationId>`. */
function sidebarLink(operation: OperationModel) {
  return page.locator(`a[href$="/${operation.operationId}"]`).first();
}

/** The rendered section of an operation (Redoc renders sections lazily, on navigation). */
function section(operation: OperationModel) {
  return page.locator(`[id$="/${operation.operationId}"]`).first();
}

function tagOf(operation: OperationModel): string {
  return String(spec.paths[operation.path][operation.method].tags?.[0] ?? '');
}

/**
 * Opens an operation the way a reader does: expand its tag in the sidebar if needed, click
 * the operation. Retries the expanding click, since clicks before Redoc has hydrated the
 * prerendered page do nothing.
 */
async function openOperation(operation: OperationModel): Promise<void> {
  const link = sidebarLink(operation);
  await expect
    .poll(
      async () => {
        if (await link.isVisible()) return true;
        await page.getByText(tagOf(operation), { exact: true }).first().click();
        return link.isVisible();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  await link.click();
  await section(operation).getByRole('heading', { name: operation.summary }).waitFor({ state: 'visible', timeout: 15_000 });
}

describe('generated/docs/index.html in headless Chromium, offline', () => {
  it('renders the title from the spec without a single request leaving the file', async () => {
    await page.getByText(model.title).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(pageErrors).toEqual([]);
    expect(requestsLeavingTheFile).toEqual([]);
  });

  it.each(model.operations.map((op) => [op.operationId, op] as const))('shows the operation %s with its summary', async (_id, operation) => {
    await openOperation(operation);
    await expect.poll(() => sidebarLink(operation).innerText()).toContain(operation.summary);
    const heading = section(operation).getByRole('heading', { name: operation.summary });
    expect(await heading.isVisible()).toBe(true);
    expect(page.url()).toMatch(new RegExp(`/${operation.operationId}$`));
  });

  it('finds the handler rules on create and update', () => {
    expect(operationsWithRules.map((op) => op.operationId).sort()).toEqual(['create_sip_endpoint', 'update_sip_endpoint']);
  });

  it('shows, in the sidebar\'s Handler rules section, each handler and the fields it requires, names unbroken', async () => {
    const rules = objectSchema(model, operationsWithRules[0]!.requestBody!.schema).handlerRules[0]!;
    // The first such link is the sidebar's (operations link to the section too, further down).
    await page.getByRole('link', { name: HANDLER_RULES_SECTION, exact: true }).first().click();
    const table = page.locator('table', { has: page.locator('th', { hasText: rules.discriminator }) }).first();
    await table.waitFor({ state: 'visible', timeout: 15_000 });
    await table.scrollIntoViewIfNeeded();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(rules.rules.length);
    const seen: string[] = [];
    for (const [index, rule] of rules.rules.entries()) {
      const row = rows.nth(index);
      const name = row.locator('td').first().locator('code');
      seen.push((await name.innerText()).trim());
      // One box per name: an inline element broken across lines has one per line.
      expect(await name.evaluate((el) => el.getClientRects().length), rule.handler).toBe(1);
      const fields = await row.locator('td').nth(1).locator('code').allInnerTexts();
      expect(fields.sort(), rule.handler).toEqual([...new Set(rule.alternatives.flat())].sort());
    }
    expect(seen.sort()).toEqual(rules.rules.map((r) => r.handler).sort());
  });

  it('keeps handler names whole in a narrow window too', async () => {
    const rules = objectSchema(model, operationsWithRules[0]!.requestBody!.schema).handlerRules[0]!;
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 420, height: size.height });
    try {
      const table = page.locator('table', { has: page.locator('th', { hasText: rules.discriminator }) }).first();
      await table.scrollIntoViewIfNeeded();
      const boxes = await table.locator('tbody tr td:first-child code').evaluateAll((els) => els.map((el) => el.getClientRects().length));
      expect(boxes).toEqual(rules.rules.map(() => 1));
    } finally {
      await page.setViewportSize(size);
    }
  });

  it.each(operationsWithRules.map((op) => [op.operationId, op] as const))(
    'offers, on %s, one body variant per handler with its fields required, and one without the discriminator',
    async (_id, operation) => {
      const schema = objectSchema(model, operation.requestBody!.schema);
      const rules = schema.handlerRules[0]!;
      const baseRequired = schema.fields.filter((f) => f.required).map((f) => f.name);
      await openOperation(operation);
      const switcher = section(operation).locator('[data-section-id="switcher"]').first();
      await switcher.scrollIntoViewIfNeeded();
      await switcher.locator('button').click();
      const titles = (await page.getByRole('menuitem').locator('visible=true').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await page.keyboard.press('Escape');
      const handlerOf = (title: string) => rules.handlers.find((h) => new RegExp(`(^|[^\\w])${h}([^\\w]|$)`).test(title));
      const without = titles.filter((t) => handlerOf(t) === undefined);
      expect(without, titles.join(' | ')).toHaveLength(1);
      for (const rule of rules.rules) {
        const variants = titles.filter((t) => handlerOf(t) === rule.handler);
        expect(variants.length, rule.handler).toBe(Math.max(1, rule.alternatives.length));
      }

      /** The property rows of the selected variant: name → whether it is marked required. */
      const choose = async (title: string): Promise<Map<string, { required: boolean; text: string }>> => {
        const menu = page.getByRole('menuitem').locator('visible=true');
        if ((await menu.count()) === 0) await switcher.locator('button').click();
        const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        await menu.filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) }).click();
        await expect.poll(() => switcher.locator('button').innerText()).toBe(title);
        const rows = switcher.locator('xpath=..').locator(':scope > div > .schema-property-item');
        const entries = await rows.evaluateAll((els) =>
          els.map((el) => {
            const head = el.firstElementChild as HTMLElement;
            return [head.querySelector('.schema-name')?.textContent ?? '', { required: /\brequired\b/.test(head.innerText), text: el.textContent ?? '' }] as const;
          }),
        );
        return new Map(entries);
      };

      for (const title of titles) {
        const rows = await choose(title);
        const handler = handlerOf(title);
        const required = [...rows].filter(([, row]) => row.required).map(([name]) => name);
        if (handler === undefined) {
          expect(rows.has(rules.discriminator), title).toBe(false);
          expect(required.sort(), title).toEqual([...baseRequired].sort());
          continue;
        }
        const rule = rules.rules.find((r) => r.handler === handler)!;
        expect(rows.get(rules.discriminator)?.required, title).toBe(true);
        expect(rows.get(rules.discriminator)?.text, title).toContain(`"${handler}"`);
        const extra = required.filter((name) => name !== rules.discriminator && !baseRequired.includes(name)).sort();
        const allowed = rule.alternatives.length === 0 ? [[]] : rule.alternatives.map((fields) => [...fields].sort());
        expect(allowed, title).toContainEqual(extra);
      }
    },
  );

  it.each(model.operations.map((op) => [op.operationId, op] as const))('offers, on %s, a TypeScript sample that is the type-checked file, and a curl sample', async (_id, operation) => {
    await openOperation(operation);
    const panel = section(operation).locator('.panel-request-samples').first();
    await panel.scrollIntoViewIfNeeded();
    const languages = panel.locator('button', { hasText: /^curl$|^TypeScript/ }).first();
    await languages.click();
    const labels = (await page.getByRole('menuitem').locator('visible=true').allInnerTexts()).map((t) => t.trim());
    expect(labels).toContain('curl');
    const typescript = labels.find((label) => label.startsWith('TypeScript'));
    expect(typescript, labels.join(' | ')).toContain('@sip-endpoints/client');
    await page.getByRole('menuitem', { name: typescript!, exact: true }).click();
    const shown = await panel.locator('pre').first().innerText();
    const compiled = await readFile(path.join(REPO_ROOT, 'generated/docs/samples', `${operation.operationId}.ts`), 'utf8');
    expect(compiled.trimEnd().endsWith(shown.trimEnd()), shown).toBe(true);
    expect(shown).toContain("from '@sip-endpoints/client'");

    await panel.locator('button', { hasText: /^TypeScript/ }).first().click();
    await page.getByRole('menuitem', { name: 'curl', exact: true }).click();
    expect(await panel.locator('pre').first().innerText()).toMatch(new RegExp(`^curl -X ${operation.method.toUpperCase()} `));
  });

  it('shows search results with the words of a description kept apart', async () => {
    const operation = operationsWithRules[0]!;
    await page.keyboard.press('Escape');
    await page.getByText('Search', { exact: false }).first().click();
    const input = page.locator('input[placeholder^="Search"]').first();
    await input.fill(operation.summary);
    const item = page.locator('[data-component-name="Search/SearchItem"]').filter({ hasText: operation.summary }).first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    const lines = (await item.innerText()).split('\n').map((line) => line.trim());
    const snippet = lines[lines.indexOf(operation.summary) + 1] ?? '';
    await page.keyboard.press('Escape');
    // A result quotes the description as plain text around the match: Markdown marks gone, each
    // line break a space. Words run together ("answers201") would not be found in it.
    const plain = operation.description.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
    const quoted = snippet.replace(/^(\.\.\.|…)|(\.\.\.|…)$/g, '').replace(/\s+/g, ' ').trim();
    expect(quoted.length).toBeGreaterThan(40);
    expect(plain, quoted).toContain(quoted);
  });

  it('saves a screenshot of the create operation to test/browser/__screenshots__/create-operation.png', async () => {
    const create = operationsWithRules.find((op) => op.method === 'post') ?? operationsWithRules[0]!;
    await page.setViewportSize({ width: 1400, height: 1800 });
    await openOperation(create);
    // With the TypeScript sample showing, as a reader of the client would look at it.
    const panel = section(create).locator('.panel-request-samples').first();
    await panel.locator('button', { hasText: /^curl$|^TypeScript/ }).first().click();
    // The menu can open partly past the page's edge, where a pointer click never lands: the
    // item gets the click event itself.
    await page.getByRole('menuitem').locator('visible=true').filter({ hasText: /^TypeScript/ }).dispatchEvent('click');
    await section(create).getByRole('heading', { name: create.summary }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await rm(SCREENSHOT, { force: true });
    await page.screenshot({ path: SCREENSHOT });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
