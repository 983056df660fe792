// Drives the `phiscan serve` page in headless Chromium the way a user would: types a draft
// with a name, a date of birth and a diagnosis, checks the highlights and the `block`
// verdict, opens a finding's explanation with the keyboard, checks the safe copy, reflows at
// 200% zoom, and drops an export file. Usage: node serve.mjs URL SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(url)) outside.push(r.url()); });

  await page.goto(url);
  const draft = "So proud of our patient Maria Gonzalez (DOB 03/14/1951), who finished chemo today on 4 West! 🎉";
  await page.locator("#draft").pressSequentially(draft, { delay: 5 });
  await page.locator("#verdict.verdict-block").waitFor({ timeout: 10000 });
  check(true, "verdict banner says block");
  check((await page.locator("#verdict-text").innerText()).startsWith("Block"), "verdict is written in words, not only colour");
  check(await page.locator("mark.c-NAME", { hasText: "Maria Gonzalez" }).count() === 1, "the name is highlighted");
  check(await page.locator("mark.c-DATE", { hasText: "03/14/1951" }).count() === 1, "the date of birth is highlighted");
  check(await page.locator(".tag", { hasText: "NAME" }).count() >= 1, "highlights carry their category name");
  check(await page.locator("#legend span.c-NAME").count() === 1, "the legend lists NAME");
  const reasons = await page.locator("#verdict-reasons").innerText();
  check(reasons.includes("health context") && reasons.includes("M**** G") && !reasons.includes("Gonzalez"),
    "reasons name the health context and mask the name");

  await page.locator("mark.c-NAME").focus();
  await page.keyboard.press("Enter");
  await page.locator("#detail").waitFor({ state: "visible" });
  check((await page.locator("#detail").innerText()).includes("How to fix"), "Enter on a highlight explains it");

  const safe = await page.locator("#redacted").innerText();
  check(safe.includes("[NAME]") && !safe.includes("Gonzalez") && safe.includes("1951") && !safe.includes("03/14"),
    "the safe copy replaces the name and keeps only the year");

  await page.screenshot({ path: screenshot, fullPage: true });

  // 200% zoom of a 1200-pixel window is a 600-pixel layout: nothing may need sideways scrolling.
  await page.setViewportSize({ width: 600, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `no horizontal scrolling at 200% zoom (overflow ${overflow}px)`);

  const csv = "id,text\n1,Happy 95th birthday to Rose Whitaker from everyone in the memory care unit!\n2,Flu shots are free this Saturday in the lobby.\n";
  await page.setInputFiles("#file", { name: "scheduled.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator("#file-section").waitFor({ state: "visible", timeout: 10000 });
  check(await page.locator("#file-posts > li").count() === 2, "both posts of the dropped CSV are listed");
  await page.locator("#filter").selectOption("block");
  check(await page.locator("#file-posts > li").count() === 1, "the verdict filter keeps the blocked post");
  check(!(await page.locator("#file-posts").innerText()).includes("Whitaker"), "the file listing masks names");

  check(problems.length === 0, `no script errors or policy violations ${JSON.stringify(problems)}`);
  check(outside.length === 0, `no request leaves the server ${JSON.stringify(outside)}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
