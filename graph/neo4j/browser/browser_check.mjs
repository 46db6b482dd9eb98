// Real-browser check of Neo4j Browser on the local hdkg server: open it in Chromium, connect
// (auth off), run one Cypher query, check that the graph is drawn (SVG nodes), screenshot.
//
//   cd graph/neo4j/browser && npm ci
//   node graph/neo4j/browser/browser_check.mjs [--http http://127.0.0.1:7474] [--bolt bolt://127.0.0.1:7687]
//        [--query "MATCH ..."] [--out docs/neo4j-browser.png] [--min-nodes 2]
//        [--style graph/neo4j/style.grass]
//
// Exit 0 when nodes were drawn; 1 with a one-line reason otherwise (a screenshot of what was
// on screen is saved next to --out as *-failed.png to see why).

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const DEFAULT_QUERY = "MATCH (c:Country {id:'country/IDN'})-[r]->(b) RETURN c,r,b LIMIT 25";

function parseArgs(argv) {
  const args = {
    http: 'http://127.0.0.1:7474',
    bolt: 'bolt://127.0.0.1:7687',
    query: DEFAULT_QUERY,
    out: 'docs/neo4j-browser.png',
    minNodes: 2,
    style: '',
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    timeoutMs: 60000,
  };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase());
    if (!(key in args)) throw new Error(`unknown option ${argv[i]}`);
    args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv);
  mkdirSync(dirname(args.out) || '.', { recursive: true });
  const browser = await chromium.launch({
    executablePath: args.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(args.timeoutMs);
  try {
    // connectURL pre-fills the connection form; with auth off Browser connects by itself,
    // otherwise we pick "No authentication" and press Connect.
    const url = `${args.http.replace(/\/$/, '')}/browser/?connectURL=${encodeURIComponent(args.bolt)}`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await connect(page);

    // The main editor: focus it, type the query, run it with the run button.

    if (args.style) await run(page, `:style ${readFileSync(args.style, 'utf8').replace(/\s+/g, ' ')}`);
    await run(page, ':clear'); // drop the welcome and :style frames: the result alone on screen
    await run(page, args.query);

    // A result frame with a graph visualisation: SVG node groups.
    const nodes = page.locator('[data-testid="frame"] svg g.node, article svg g.node');
    await page.waitForFunction(
      (min) => document.querySelectorAll('svg g.node').length >= min, args.minNodes);
    const count = await nodes.count();
    const rels = await page.locator('svg g.relationship').count();
    await page.waitForTimeout(1500); // let the force layout settle before the picture
    await page.screenshot({ path: args.out });
    console.log(JSON.stringify({ ok: true, nodes: count, relationships: rels, screenshot: args.out }));
  } catch (err) {
    const failed = args.out.replace(/\.png$/, '') + '-failed.png';
    await page.screenshot({ path: failed }).catch(() => {});
    console.error(`browser check failed: ${String(err.message || err).split('\n')[0]} (screen: ${failed})`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

async function run(page, command) {
  await page.locator('[data-testid="activeEditor"]').first().click();
  await page.keyboard.insertText(command);
  await page.locator('[data-testid="editor-Run"]').first().click();
  await page.waitForTimeout(500);
}

async function connect(page) {
  // Browser first tries the URL on its own; with auth off that may already succeed.
  const banner = page.locator('[data-testid="disconnectedBanner"]');
  const button = page.locator('[data-testid="connect"]').first();
  await page.locator('[data-testid="activeEditor"]').waitFor();
  await page.waitForTimeout(2000);
  if (await button.isVisible().catch(() => false)) {
    await page.locator('[data-testid="authenticationMethod"]').first().selectOption('NO_AUTH');
    await button.click();
  }
  await banner.waitFor({ state: 'detached' });
}

main().catch((err) => {
  console.error(`browser check failed: ${String(err.message || err).split('\n')[0]}`);
  process.exitCode = 1;
});
