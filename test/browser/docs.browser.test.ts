/**
 * The API reference as a reader sees it: generated/docs/index.html opened from disk in
 * headless Chromium with every non-file:// request aborted, so it must work offline.
 *
 * Checks that every operation of the bundled spec can be reached from the sidebar and shows
 * its summary, and that the create and update operations show the handler-rules table with
 * one visible row per `call_handler` value and exactly the fields that value requires. The
 * expectations come from generated/openapi.json through the model, never from this file.
 * Leaves a full-page screenshot of the create operation in test-results/docs.png.
 *
 * Needs Chromium (Debian's `chromium` at /usr/bin/chromium, which `.ci/run` installs, or
 * CHROMIUM_PATH), so it runs with `npm run test:browser`, not `npm test`.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
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
const SCREENSHOT = path.join(REPO_ROOT, 'test-results/docs.png');

const spec = await readBundledSpec();
const model = readModel(spec);
const operationsWithRules = model.operations.filter((op) => op.requestBody && objectSchema(model, op.requestBody.schema).handlerRules.length > 0);

let profileDir: string;
let context: BrowserContext;
let page: Page;
const blockedRequests: string[] = [];
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
    blockedRequests.push(url);
    return route.abort('internetdisconnected');
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(DOCS_URL, { waitUntil: 'load' });
});

afterAll(async () => {
  await context?.close();
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

/**
 * Makes the viewport as tall as the page, until the height settles. Redoc renders only the
 * sections near the viewport and blanks the others, so a plain full-page capture of a long
 * page shows empty stretches; with everything in view, everything is rendered.
 */
async function growViewportToPage(): Promise<void> {
  const width = page.viewportSize()?.width ?? 1280;
  for (let attempt = 0; attempt < 10; attempt++) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    if ((await page.evaluate(() => document.documentElement.scrollHeight)) === height) return;
  }
}

describe('generated/docs/index.html in headless Chromium, offline', () => {
  it('renders the title from the spec with every network request blocked', async () => {
    await page.getByText(model.title).first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(pageErrors).toEqual([]);
    // Whatever the page tried to fetch was refused; it rendered from the file alone.
    for (const url of blockedRequests) expect(url).not.toMatch(/^file:/);
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

  it.each(operationsWithRules.map((op) => [op.operationId, op] as const))('shows, on %s, each handler and the fields it requires', async (_id, operation) => {
    const rules = objectSchema(model, operation.requestBody!.schema).handlerRules[0]!;
    await openOperation(operation);
    const table = section(operation).locator('table', { has: page.locator('th', { hasText: rules.discriminator }) });
    await table.scrollIntoViewIfNeeded();
    expect(await table.isVisible()).toBe(true);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(rules.rules.length);
    for (const [index, rule] of rules.rules.entries()) {
      const row = rows.nth(index);
      await row.scrollIntoViewIfNeeded();
      expect(await row.isVisible(), rule.handler).toBe(true);
      expect((await row.locator('td').first().innerText()).trim()).toBe(rule.handler);
      // The fields appear as code in the second cell; how they are joined is wording.
      const fields = await row.locator('td').nth(1).locator('code').allInnerTexts();
      expect(fields.sort(), rule.handler).toEqual([...new Set(rule.alternatives.flat())].sort());
    }
  });

  it('saves a full-page screenshot to test-results/docs.png', async () => {
    const create = operationsWithRules.find((op) => op.method === 'post') ?? operationsWithRules[0]!;
    await openOperation(create);
    await growViewportToPage();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByText(model.title).first().waitFor({ state: 'visible' });
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await rm(SCREENSHOT, { force: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });
});
