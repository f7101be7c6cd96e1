// HelpPoint simulator page: one card per virtual help point and per ticket display, refreshed by
// polling /api/devices and /api/boards.
"use strict";

const CATEGORIES = [
  ["bankid", "BankID"], ["swish", "Swish"], ["print", "Print"], ["email", "E-mail"],
  ["phone", "Phone"], ["forms", "Forms"], ["other", "Other"],
];
const POLL_MS = 500;
// While the done screen asks, buttons 1-3 rate the visit (as HelpPointPanel does on the device): 3 good, 2 okay, 1 bad.
const FEEDBACK_BUTTONS = 3;
// The TFT's colours per row kind, as TftBoardDisplay draws them (RGB565 cyan, grey, green, yellow, red, white).
const ROW_COLOURS = {
  title: [0, 255, 255], heading: [189, 189, 189], serving: [0, 255, 0],
  waiting: [255, 255, 0], offline: [255, 0, 0], info: [255, 255, 255],
};
const cards = new Map();
const boards = new Map();

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((data && (data.detail || data.title)) || `${method} ${path}: ${response.status}`);
  }
  return data;
}

function setStatus(text, isError) {
  const status = document.querySelector("[data-testid=page-status]");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

function createCard(device) {
  const card = document.getElementById("card").content.firstElementChild.cloneNode(true);
  const id = device.id;
  card.dataset.device = id;
  card.querySelector(".device-id").textContent = id;
  card.querySelector(".branch").textContent = device.branch;
  card.querySelector(".link").dataset.testid = `connection-${id}`;

  const oled = card.querySelector(".oled");
  oled.dataset.testid = `display-${id}`;

  const buttons = card.querySelector(".buttons");
  const entry = { card, languages: "", feedback: "none" };
  CATEGORIES.forEach(([category, label], index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.category = category;
    button.dataset.button = String(index);
    button.dataset.testid = `press-${id}-${category}`;
    if (index < FEEDBACK_BUTTONS) {
      const digit = document.createElement("span");
      digit.className = "digit";
      digit.textContent = String(index + 1);
      digit.title = `feedback button ${index + 1}`;
      button.append(digit);
    }
    button.append(label);
    // No language goes with the press: the device sends the one the visitor picked with its language button.
    button.addEventListener("click", () => act(() => entry.feedback === "open" && index < FEEDBACK_BUTTONS
      ? api("POST", `/api/devices/${encodeURIComponent(id)}/feedback`, { score: FEEDBACK_BUTTONS - index })
      : api("POST", `/api/devices/${encodeURIComponent(id)}/press`, { category })));
    buttons.appendChild(button);
  });

  const select = card.querySelector(".lang");
  select.dataset.testid = `lang-${id}`;
  select.addEventListener("change", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/default-language`, {
    lang: select.value,
  })));
  const cycle = card.querySelector(".cycle");
  cycle.dataset.testid = `cycle-${id}`;
  cycle.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/language`)));
  for (const button of card.querySelectorAll(".feedback button")) {
    button.dataset.testid = `feedback-${id}-${button.dataset.score}`;
    button.querySelector(".which").textContent = CATEGORIES[Number(button.dataset.button)][1];
    button.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/feedback`, {
      score: Number(button.dataset.score),
    })));
  }
  card.querySelector(".led").dataset.testid = `led-${id}`;
  const cancel = card.querySelector(".cancel");
  cancel.dataset.testid = `cancel-${id}`;
  cancel.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/cancel`)));

  document.getElementById("devices").appendChild(card);
  cards.set(id, entry);
  return entry;
}

// The page's select sets only the device's default language; the visitor's language button wins over it.
function updateLanguages(entry, languages, defaultLanguage) {
  const codes = languages.includes(defaultLanguage) ? languages : [defaultLanguage, ...languages];
  const key = codes.join(",");
  const select = entry.card.querySelector(".lang");
  if (entry.languages !== key) {
    entry.languages = key;
    select.replaceChildren(...codes.map((code) => new Option(code, code)));
  }
  if (document.activeElement !== select) select.value = defaultLanguage;
}

function render(device) {
  const entry = cards.get(device.id) || createCard(device);
  const card = entry.card;

  const oled = card.querySelector(".oled");
  oled.dataset.state = device.state;
  oled.setAttribute("aria-label", device.lines.join(" "));
  const pre = card.querySelector(".lines");
  const text = device.lines.join("\n");
  if (pre.textContent !== text) pre.textContent = text;
  drawPixels(card.querySelector(".pixels"), pre, device.display);

  const link = card.querySelector(".link");
  link.textContent = device.connected ? "online" : "offline";
  link.classList.toggle("online", device.connected);

  for (const button of card.querySelectorAll(".buttons button")) {
    const rates = device.feedback === "open" && Number(button.dataset.button) < FEEDBACK_BUTTONS;
    button.disabled = !rates && !device.categories.includes(button.dataset.category);
  }
  updateLanguages(entry, device.languages, device.defaultLanguage);
  entry.feedback = device.feedback;
  card.querySelector(".feedback").hidden = device.feedback !== "open";
  card.querySelector(".buttons").classList.toggle("asking", device.feedback === "open");
  const led = card.querySelector(".led");
  led.classList.toggle("on", device.led);
  led.classList.toggle("beep", device.tone > 0);

  const facts = [
    ["state", device.state], ["request", device.requestId], ["ticket", device.ticket],
    ["place", device.position], ["wait", device.waitS == null ? null : `${device.waitS} s`],
    ["host", device.host], ["reason", device.reason], ["waiting to send", device.pending || null],
  ].filter(([, value]) => value !== null && value !== undefined && value !== "");
  const dl = card.querySelector(".facts");
  dl.replaceChildren(...facts.flatMap(([name, value]) => {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = String(value);
    dd.dataset.testid = `${name.replace(/ /g, "-")}-${device.id}`;
    return [dt, dd];
  }));
}

function createBoard(board) {
  const card = document.getElementById("board").content.firstElementChild.cloneNode(true);
  card.dataset.board = board.id;
  card.querySelector(".device-id").textContent = board.id;
  card.querySelector(".branch").textContent = board.branch;
  card.querySelector(".link").dataset.testid = `connection-${board.id}`;
  card.querySelector(".tft").dataset.testid = `board-${board.id}`;
  document.getElementById("boards").appendChild(card);
  const entry = { card };
  boards.set(board.id, entry);
  return entry;
}

function renderBoard(board) {
  const card = (boards.get(board.id) || createBoard(board)).card;
  const link = card.querySelector(".link");
  link.textContent = board.connected ? "online" : "offline";
  link.classList.toggle("online", board.connected);
  const tft = card.querySelector(".tft");
  tft.dataset.offline = String(board.offline);
  tft.setAttribute("aria-label", board.lines.join(" "));
  const pre = card.querySelector(".lines");
  const text = board.lines.join("\n");
  if (pre.textContent !== text) pre.textContent = text;
  drawPixels(card.querySelector(".pixels"), pre, board.display, (y) => ROW_COLOURS[board.display.rows[y]] || ROW_COLOURS.info);

  const facts = [["now serving", board.serving.join(" ")], ["waiting", board.waiting.join(" ")]]
    .filter(([, value]) => value !== "");
  card.querySelector(".facts").replaceChildren(...facts.flatMap(([name, value]) => {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset.testid = `${name.replace(/ /g, "-")}-${board.id}`;
    return [dt, dd];
  }));
}

// The OLED's real pixels (the 1-bit frame Core composes from the phrase bitmaps); the text lines stay
// for screens without bitmaps (setup) and as the accessible description.
function drawPixels(canvas, pre, display, colourOfRow = () => [143, 211, 255]) {
  canvas.hidden = !display;
  pre.hidden = Boolean(display);
  if (!display) return;
  canvas.dataset.language = display.language;
  canvas.dataset.rtl = String(display.rtl);
  if (canvas.dataset.bits === display.bits) return;
  canvas.dataset.bits = display.bits;
  canvas.width = display.width;
  canvas.height = display.height;
  const bytes = Uint8Array.from(atob(display.bits), (c) => c.charCodeAt(0));
  const stride = Math.ceil(display.width / 8);
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(display.width, display.height);
  for (let y = 0; y < display.height; y++) {
    const [r, g, b] = colourOfRow(y);
    for (let x = 0; x < display.width; x++) {
      const lit = (bytes[y * stride + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
      const i = (y * display.width + x) * 4;
      image.data[i] = lit ? r : 0;
      image.data[i + 1] = lit ? g : 0;
      image.data[i + 2] = lit ? b : 0;
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

async function act(call) {
  try {
    const result = await call();
    if (result && result.device) render(result.device);
  } catch (error) {
    setStatus(error.message, true);
  }
}

async function poll() {
  try {
    const [devices, displays] = await Promise.all([api("GET", "/api/devices"), api("GET", "/api/boards")]);
    devices.forEach(render);
    displays.forEach(renderBoard);
    setStatus(`${devices.length} help point(s), ${displays.length} ticket display(s) · refreshed ${new Date().toLocaleTimeString()}`, false);
  } catch (error) {
    setStatus(`Cannot reach the simulator: ${error.message}`, true);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
