import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type StandinServer } from '../src/server';
import { hasChromium, launchChromium } from './support/chromium';
import { DEMO_SECRETS } from './support/demoSecrets';
import { describeIfInstalled } from './support/describeIfInstalled';

// The dashboard in a real Chromium: the token prompt, the live journal with reasons, one exchange
// and its curl, the clock, the state and the Losant API reference, with no network beyond standin.
// STANDIN_SCREENSHOTS=1 writes the README's screenshots to docs/screenshots/.

const ADMIN_TOKEN = 'dashboard-admin-token-3f9a';
const ECOSYSTEM = 'C599343aecca8fba8297a3195';
const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const SHOTS = process.env.STANDIN_SCREENSHOTS === '1' ? join(__dirname, '..', 'docs', 'screenshots') : undefined;

describe('dashboard files', () => {
  const files = createServer({ port: 0, adminToken: ADMIN_TOKEN });
  beforeAll(() => files.listen(0, '127.0.0.1'));
  afterAll(() => files.close());

  it('serves its files without the token, each with its type, and answers an unknown file in standin envelope', async () => {
    const index = await fetch(`${files.url()}/__admin/ui/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const etag = index.headers.get('etag')!;
    expect((await fetch(`${files.url()}/__admin/ui/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${files.url()}/__admin/ui/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${files.url()}/__admin/ui/swagger-ui-bundle.js`)).headers.get('cache-control')).toBe('public, max-age=86400');
    const spec = (await (await fetch(`${files.url()}/__admin/ui/losant.openapi.json`)).json()) as any;
    expect(spec.servers).toEqual([{ url: '/losant', description: 'this standin' }]);
    const missing = await fetch(`${files.url()}/__admin/ui/nope.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).standin.error).toBe('NotFound');
    // The exemption is for the dashboard's files only: its data calls still need the token.
    expect((await fetch(`${files.url()}/__admin/health`)).status).toBe(401);
    expect((await fetch(`${files.url()}/__admin/uix`)).status).toBe(401);
    expect((await fetch(`${files.url()}/__admin/ui/`, { method: 'POST' })).status).toBe(401);
  });

  it("points the reference of an API served at the root (--api NAME) at '/'", async () => {
    const root = createServer({ port: 0, root: 'losant' });
    await root.listen(0, '127.0.0.1');
    try {
      const spec = (await (await fetch(`${root.url()}/__admin/ui/losant.openapi.json`)).json()) as any;
      expect(spec.servers).toEqual([{ url: '/', description: 'this standin' }]);
    } finally {
      await root.close();
    }
  });
});

describeIfInstalled('dashboard at /__admin/ui/', hasChromium(), 'needs /usr/bin/chromium (install the Debian package chromium)', () => {
  let server: StandinServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shots: string;
  const offsite: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    shots = SHOTS ?? mkdtempSync(join(tmpdir(), 'standin-dashboard-'));
    server = createServer({ port: 0, adminToken: ADMIN_TOKEN, now: '2026-03-02T09:30:00.000Z' });
    const [, launched] = await Promise.all([server.listen(0, '127.0.0.1'), launchChromium()]);
    browser = launched;
    context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    // Anything not for this standin is refused and remembered: the page must need no internet.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url())) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('console', (message) => {
      // The first call's 401 is how the page learns it needs the token.
      if (message.type() === 'error' && !message.text().includes('401 (Unauthorized)')) consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (!SHOTS && shots) rmSync(shots, { recursive: true, force: true });
  });

  const droplit = (authorization: string, body: unknown) =>
    fetch(`${server.url()}/droplit/v0/api/environments/`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const row = (status: number) => page.locator('#journal-table tbody tr', { has: page.locator('td.status', { hasText: String(status) }) }).first();
  const dataText = () =>
    page.evaluate(() => [...(globalThis as any).document.querySelectorAll('main > section:not(#reference)')].map((s: any) => s.textContent).join('\n'));

  it('asks for the token once, then shows refused and accepted requests live with their reasons', async () => {
    await page.goto(`${server.url()}/__admin/ui/`);
    await page.locator('#token-form').waitFor({ state: 'visible' });
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('#token-form button[type=submit]');
    await page.locator('#token-form').waitFor({ state: 'hidden' });
    await page.locator('#live', { hasText: 'live' }).waitFor();

    expect((await droplit('droplit-wrong-token', { ecosystemId: ECOSYSTEM, alias: 'kitchen' })).status).toBe(401);
    expect((await droplit('droplit-demo-account', { ecosystemId: ECOSYSTEM, alias: 'kitchen', meta: { note: HOSTILE } })).status).toBe(201);
    expect((await droplit('droplit-demo-account', { ecosystemId: ECOSYSTEM, alias: 'living_room' })).status).toBe(400);

    // Live: these arrive over the feed, with no reload.
    await row(400).waitFor({ timeout: 10000 });
    await row(401).waitFor();
    await row(201).waitFor();
    expect(await row(401).locator('td.rule').textContent()).not.toBe('');
    expect(await row(201).locator('td.rule').textContent()).toBe('');

    await row(400).click();
    await expect(page.locator('#exchange-reason').textContent()).resolves.toMatch(/living_room/);
    const curl = await page.locator('#exchange-curl').textContent();
    expect(curl).toContain(`curl -i -X POST '${server.url()}/droplit/v0/api/environments/'`);
    expect(curl).toContain('living_room');
    expect(await page.locator('#exchange-response').textContent()).toMatch(/Alias Exists/);
    await page.screenshot({ path: join(shots, 'journal.png') });

    // Hostile bodies are text: the markup is shown, never made into an element, and never runs.
    await row(201).click();
    await expect(page.locator('#exchange-request').textContent()).resolves.toContain(HOSTILE);
    expect(await page.locator('#exchange img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('standin.adminToken'))).toBe(ADMIN_TOKEN);
  });

  it('pins the clock and shows it', async () => {
    await page.click('#tabs button[data-panel=clock]');
    await page.fill('#clock-form input[name=now]', '2031-07-04T12:00:00.000Z');
    await page.click('#clock-form button[type=submit]');
    await page.locator('#clock-now', { hasText: '2031-07-04T12:00:00.000Z' }).waitFor();
    expect(await page.locator('#clock-pinned').textContent()).toBe('pinned');
    expect(server.clock.now().toISOString()).toBe('2031-07-04T12:00:00.000Z');
    await page.click('#clock-release');
    await page.locator('#clock-pinned', { hasText: 'running' }).waitFor();
  });

  it("reads the created alias in Droplit's state, and narrows it with the search box", async () => {
    await page.click('#tabs button[data-panel=state]');
    await page.selectOption('#state-form select[name=api]', 'droplit');
    await page.locator('#state-json', { hasText: 'kitchen' }).waitFor();
    // The hostile meta is state too: shown as text there as well.
    expect(await page.locator('#state-json').textContent()).toContain(HOSTILE);
    expect(await page.locator('#state img').count()).toBe(0);
    await page.fill('#state-form input[name=search]', 'kitchen');
    const shown = await page.locator('#state-json').textContent();
    expect(shown).toContain('kitchen');
    expect(shown).not.toContain('living_room');
    await page.screenshot({ path: join(shots, 'state.png') });
  });

  it('shows no demo secret and not the admin token in any data panel', async () => {
    await page.click('#tabs button[data-panel=namespaces]');
    await page.locator('#namespaces-table td', { hasText: 'droplit' }).waitFor();
    const text = await dataText();
    expect(DEMO_SECRETS.length).toBeGreaterThan(0);
    for (const secret of [...DEMO_SECRETS, ADMIN_TOKEN]) expect(text.includes(secret) ? secret : undefined).toBeUndefined();
  });

  it('renders the Losant API reference from node_modules, with no network', async () => {
    await page.click('#tabs button[data-panel=reference]');
    await page.selectOption('#reference-api', 'losant');
    await page.locator('#swagger .opblock-summary', { hasText: '/applications/{applicationId}/certificates' }).first().waitFor({ timeout: 15000 });
    await expect(page.locator('#swagger').textContent()).resolves.toContain('Returns the application certificates for an application');
    await page.locator('#swagger .opblock').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'reference.png') });
    expect(offsite).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('reads the feed as events and, when it drops, reconnects from the last id it saw', async () => {
    const other = await browser.newContext();
    await other.addInitScript((token) => (globalThis as any).sessionStorage.setItem('standin.adminToken', token), ADMIN_TOKEN);
    const feedPage = await other.newPage();
    feedPage.setDefaultTimeout(8000);
    const asked: string[] = [];
    const event = (id: number, status: number) =>
      `id: ${id}\ndata: ${JSON.stringify({ id, time: '2026-03-02T09:30:00.000Z', namespace: 'feed', api: 'losant', method: 'GET', path: '/feed', status, durationMs: 1 })}\n\n`;
    // Each answer ends after its events, as a dropped connection does.
    await feedPage.route('**/__admin/journal/stream*', (route) => {
      asked.push(new URL(route.request().url()).searchParams.get('since') ?? '');
      const body = asked.length === 1 ? `: heartbeat\n\n${event(9001, 200)}${event(9002, 401)}` : event(9003, 500);
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
    });
    const ring = ((await (await fetch(`${server.url()}/__admin/journal`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as any).entries;
    const lastInRing = ring.length ? String(Math.max(...ring.map((e: any) => e.id))) : '';
    await feedPage.goto(`${server.url()}/__admin/ui/`);
    await feedPage.locator('#journal-table tbody tr[data-id="9003"]').waitFor();
    // The feed starts after the ring the page read first, then resumes after the last event.
    expect(asked.slice(0, 2)).toEqual([lastInRing, '9002']);
    expect(await feedPage.locator('#journal-table tbody tr[data-id="9002"] td.status').textContent()).toBe('401');
    await other.close();
  });
});
