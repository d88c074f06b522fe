// Renders the PNG icons the manifest and iOS need from the SVG sources, with the same Chromium
// the browser tests use: `node apps/web/scripts/renderIcons.mjs`. The PNGs are committed, so
// building the app needs no browser.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const pub = (name) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));
const jobs = [
  ["icon.svg", "icon-192.png", 192],
  ["icon.svg", "icon-512.png", 512],
  ["icon-maskable.svg", "icon-maskable-512.png", 512],
  ["icon-maskable.svg", "apple-touch-icon.png", 180],
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  for (const [source, target, size] of jobs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(pub(source), "utf8");
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: pub(target), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
