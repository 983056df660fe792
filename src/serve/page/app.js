// phiscan serve: the draft checker page. Sends the draft to the local server as the user
// types (debounced), then shows the verdict, the highlights, the details of each finding and
// the Safe Harbor copy. Dropped files are sent as they are and listed post by post.
"use strict";

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const highlighted = $("highlighted");
const detail = $("detail");
const statusLine = $("status");

const VERDICTS = {
  block: { icon: "✖", text: "Block: do not post this as it is." },
  review: { icon: "⚠", text: "Review: check the highlighted parts before posting." },
  pass: { icon: "✓", text: "Pass: phiscan found nothing that identifies a patient." },
};

const CATEGORY_NAMES = {
  NAME: "name", ADDRESS: "street address", LOCATION: "place", ZIP: "ZIP code", DATE: "date",
  AGE: "age over 89", PHONE: "phone number", FAX: "fax number", EMAIL: "email address",
  SSN: "Social Security number", MRN: "medical record number", HEALTH_PLAN: "health plan number",
  ACCOUNT: "account number", CREDIT_CARD: "card number", LICENSE: "licence number",
  VEHICLE: "vehicle identifier", DEVICE: "device identifier", URL: "web address",
  IP: "IP address", BIOMETRIC: "biometric identifier", OTHER_ID: "identifying number",
};

let sequence = 0;
let pending = null;
let redactedText = "";

function setStatus(message, isError) {
  statusLine.textContent = message;
  statusLine.classList.toggle("error", Boolean(isError));
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

async function post(url, body, contentType) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
    signal: pending ? pending.signal : undefined,
  });
  const answer = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok || answer.error) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

function showVerdict(verdict, reasons) {
  const box = $("verdict");
  box.className = `verdict verdict-${verdict || "empty"}`;
  const shown = VERDICTS[verdict];
  box.querySelector(".verdict-icon").textContent = shown ? shown.icon : "✎";
  $("verdict-text").textContent = shown ? shown.text : "Start typing or paste a draft.";
  const list = $("verdict-reasons");
  list.replaceChildren(...(reasons || []).map((r) => element("li", {}, r)));
}

// Finding offsets are UTF-8 bytes; JavaScript strings count UTF-16 units.
function byteToIndex(text) {
  const map = new Map();
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    map.set(bytes, index);
    const code = ch.codePointAt(0);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += ch.length;
  }
  map.set(bytes, index);
  return (offset) => map.get(offset);
}

function explain(finding) {
  const name = CATEGORY_NAMES[finding.category] || finding.category;
  const reasons = element("ul", {}, ...finding.reasons.map((r) => element("li", {}, r)));
  detail.replaceChildren(
    element("h3", {}, `${finding.category}: ${name}`),
    element("p", {}, element("strong", {}, "How to fix: "), finding.fix),
    element("p", {}, element("strong", {}, "Why phiscan flagged it:")),
    reasons,
    element("p", { class: "hint" }, `Rule ${finding.rule_id}, confidence ${finding.confidence.toFixed(2)}.`,
      finding.suppressed ? ` Not counted: ${finding.suppressed}.` : ""),
  );
  detail.hidden = false;
}

function showHighlights(text, findings) {
  const index = byteToIndex(text);
  const parts = [];
  let at = 0;
  const categories = new Set();
  findings.forEach((finding) => {
    const start = index(finding.start);
    const end = index(finding.end);
    if (start === undefined || end === undefined || start < at) return;
    categories.add(finding.category);
    parts.push(text.slice(at, start));
    const name = CATEGORY_NAMES[finding.category] || finding.category;
    const mark = element("mark", {
      class: `c-${finding.category}${finding.suppressed ? " suppressed" : ""}`,
      tabindex: "0",
      role: "button",
      "aria-label": `${text.slice(start, end)}: ${name}. Press Enter for details.`,
    }, text.slice(start, end));
    mark.addEventListener("click", () => explain(finding));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        explain(finding);
      }
    });
    parts.push(mark, element("span", { class: "tag", "aria-hidden": "true" }, finding.category));
    at = end;
  });
  parts.push(text.slice(at));
  highlighted.replaceChildren(...parts);
  $("legend").replaceChildren(...[...categories].map((c) =>
    element("span", { class: `c-${c}` }, `${c}: ${CATEGORY_NAMES[c] || c}`)));
}

function showRedacted(text) {
  redactedText = text || "";
  $("redacted").textContent = redactedText;
  $("redacted-section").hidden = !redactedText;
}

async function scanDraft() {
  const text = draft.value;
  const mine = ++sequence;
  if (pending) pending.abort();
  pending = new AbortController();
  if (!text.trim()) {
    showVerdict(null, []);
    highlighted.replaceChildren();
    $("legend").replaceChildren();
    detail.hidden = true;
    showRedacted("");
    setStatus("");
    return;
  }
  setStatus("Checking…");
  try {
    const answer = await post("/api/scan", JSON.stringify({ text }), "application/json");
    if (mine !== sequence) return;
    const documents = answer.files.flatMap((f) => f.documents);
    const findings = documents.flatMap((d) => d.findings);
    const worst = ["block", "review", "pass"].find((v) => documents.some((d) => d.verdict === v)) || "pass";
    showVerdict(worst, documents.flatMap((d) => d.reasons));
    showHighlights(text, documents.length === 1 ? findings : []);
    detail.hidden = true;
    showRedacted(answer.redacted);
    const count = findings.length;
    setStatus(count === 0 ? "Nothing found." : `${count} thing${count === 1 ? "" : "s"} to look at.`);
  } catch (error) {
    if (error.name === "AbortError") return;
    setStatus(`Could not check the draft: ${error.message}`, true);
  }
}

let timer = null;
draft.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(scanDraft, 250);
});

$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(redactedText);
    setStatus("Safe version copied. Paste it into your post.");
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("redacted"));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    setStatus("Copying is blocked here: the safe version is selected, press Ctrl+C (⌘C on a Mac).");
  }
});

// Files: plain drafts go into the text box; anything else is scanned as it is and listed.
const TEXT_FILES = /\.(txt|md|markdown)$/i;
let filePosts = [];

async function checkFile(file) {
  if (TEXT_FILES.test(file.name) && file.size < 1_000_000) {
    draft.value = await file.text();
    $("file-section").hidden = true;
    scanDraft();
    return;
  }
  setStatus(`Checking ${file.name}…`);
  pending = new AbortController();
  try {
    const answer = await post(`/api/scan?name=${encodeURIComponent(file.name)}`, file, "application/octet-stream");
    filePosts = answer.files.flatMap((f) => f.documents.map((d) => ({ file: f.path, ...d })));
    const problems = answer.errors.map((e) => e.message);
    const skipped = answer.files.filter((f) => f.skipped).map((f) => `${f.path}: ${f.skipped}`);
    $("file-name").textContent = file.name;
    $("file-section").hidden = false;
    const worst = ["block", "review", "pass"].find((v) => filePosts.some((d) => d.verdict === v)) || "pass";
    const counts = answer.summary.verdicts;
    showVerdict(worst, [`${filePosts.length} post(s) in ${file.name}: ${counts.block || 0} block, ${counts.review || 0} review, ${counts.pass || 0} pass.`]);
    showFilePosts();
    const note = [...problems, ...skipped];
    setStatus(note.length ? `Some of the file could not be read: ${note.join("; ")}` : `Checked ${file.name}.`, note.length > 0);
  } catch (error) {
    setStatus(`Could not check ${file.name}: ${error.message}`, true);
  }
}

function showFilePosts() {
  const filter = $("filter").value;
  const shown = filePosts.filter((d) => filter === "all" || d.verdict === filter);
  $("file-counts").textContent = `${shown.length} of ${filePosts.length} shown`;
  $("file-posts").replaceChildren(...shown.map((d) => {
    const where = [d.file, d.record].filter(Boolean).join(" › ");
    const findings = element("ul", {}, ...d.findings.map((f) => element("li", {},
      element("strong", {}, f.category), ` ${f.value} in “${f.context}” (line ${f.location.line}${f.location.field ? `, field ${f.location.field}` : ""}). `,
      element("span", { class: "hint" }, f.fix))));
    return element("li", {},
      element("span", { class: `badge badge-${d.verdict}` }, d.verdict.toUpperCase()),
      element("span", { class: "where" }, where),
      element("p", {}, d.reasons.join("; ")),
      d.findings.length ? findings : null);
  }));
}

$("filter").addEventListener("change", showFilePosts);
$("file").addEventListener("change", (event) => {
  const [file] = event.target.files;
  if (file) checkFile(file);
  event.target.value = "";
});
document.addEventListener("dragover", (event) => {
  event.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (event) => {
  event.preventDefault();
  document.body.classList.remove("dragging");
  const [file] = event.dataTransfer.files;
  if (file) checkFile(file);
});
$("file-label").addEventListener("keydown", (event) => {
  if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    $("file").click();
  }
});
$("file-label").tabIndex = 0;
