// Opens an HTML report written by `phiscan scan --format html` in headless Chromium: no script
// errors, nothing fetched, no links; the verdict and category filters work; printing hides the
// filters. Usage: node report.mjs REPORT.html SCREENSHOT.png
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} report: ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  const url = pathToFileURL(report).href;
  const fetched = [];
  page.on("request", (r) => { if (r.url() !== url) fetched.push(r.url()); });
  await page.goto(url);

  const posts = page.locator("article.post");
  const visible = page.locator("article.post:visible");
  const total = await posts.count();
  check(total > 3, `posts with findings are listed (${total})`);
  check(await page.locator("table.chart").count() === 2, "charts by category and by file");
  check(await page.locator("a").count() === 0, "no links anywhere");
  const blocked = await page.locator('article.post[data-verdict="block"]').count();
  await page.locator('input[value="review"]').uncheck();
  await page.locator('input[value="pass"]').uncheck();
  check(await visible.count() === blocked, `the verdict filter shows only blocked posts (${blocked})`);
  await page.locator('input[value="review"]').check();
  await page.locator('input[value="pass"]').check();
  await page.locator("#category-filter").selectOption("SSN");
  const withSsn = await page.locator('article.post[data-categories~="SSN"]').count();
  check(withSsn > 0 && await visible.count() === withSsn, `the category filter shows only posts with an SSN (${withSsn})`);
  await page.locator("#category-filter").selectOption("");
  check(await visible.count() === total, "clearing the filters shows every post again");
  await page.screenshot({ path: screenshot });
  await page.emulateMedia({ media: "print" });
  check(!(await page.locator(".filters").isVisible()), "printing hides the filters");
  check(problems.length === 0, `no script errors ${JSON.stringify(problems)}`);
  check(fetched.length === 0, `nothing is fetched ${JSON.stringify(fetched)}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} report check(s) failed`);
  process.exit(1);
}
