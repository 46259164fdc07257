import type { Browser } from 'playwright-core';

/** A link to emulate in Chromium; null measures plain loopback. */
export interface Network {
  name: string;
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/** A 10 Mbit/s link with 40 ms round trips: a small office line, or a shop's Wi-Fi. */
export const OFFICE_LINK: Network = { name: '10 Mbit/s, 40 ms', latencyMs: 40, downloadBytesPerSecond: 1_250_000, uploadBytesPerSecond: 625_000 };

export interface ColdLoad {
  /** Bytes on the wire for the page and everything it fetched (headers included). */
  transferredBytes: number;
  /** Bytes of the editor's own files (scripts, styles) on the wire. */
  assetBytes: number;
  /** From navigation start until the sample flow's canvas shows a card a click selects. */
  interactiveMs: number;
  /** What a second visit moves once the browser has cached the hashed files. */
  repeatTransferredBytes: number;
  /** How the scripts arrived: `br`, `gzip` or `identity`. */
  encoding: string;
}

/**
 * Opens the editor on a flow in a fresh browser context (empty HTTP cache), signed in through
 * the API so the login page does not warm the cache first. `identity` asks the server for
 * uncompressed files, which is what it sent before precompressed assets: the same-run baseline.
 */
export async function coldLoad(
  browser: Browser,
  server: { url: string; adminEmail: string; adminPassword: string },
  flowPath: string,
  identity: boolean,
  network: Network | null,
): Promise<ColdLoad> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    ...(identity ? { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } } : {}),
  });
  try {
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: server.adminEmail, password: server.adminPassword },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latencyMs,
        downloadThroughput: network.downloadBytesPerSecond,
        uploadThroughput: network.uploadBytesPerSecond,
      });
    }
    let transferred = 0;
    let assets = 0;
    const encodings = new Set<string>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => {
      urls.set(e.requestId, e.response.url);
      if (/\/assets\/.*\.(js|css)$/.test(e.response.url)) {
        const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
        encodings.add(headers['content-encoding'] ?? 'identity');
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      transferred += e.encodedDataLength;
      if (/\/assets\/.*\.(js|css)$/.test(urls.get(e.requestId) ?? '')) assets += e.encodedDataLength;
    });

    await page.goto(`${server.url}${flowPath}`, { waitUntil: 'commit' });
    const card = page.locator('.sb-canvas .react-flow__node').first();
    await card.waitFor({ timeout: 60_000 });
    await card.click();
    await page.locator('.sb-canvas .react-flow__node.selected').first().waitFor({ timeout: 30_000 });
    const interactiveMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    const first = { transferred, assets };

    transferred = 0;
    await page.reload({ waitUntil: 'commit' });
    await page.locator('.sb-canvas .react-flow__node').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return {
      transferredBytes: first.transferred,
      assetBytes: first.assets,
      interactiveMs,
      repeatTransferredBytes: transferred,
      encoding: [...encodings].sort().join('+') || 'none',
    };
  } finally {
    await context.close();
  }
}
