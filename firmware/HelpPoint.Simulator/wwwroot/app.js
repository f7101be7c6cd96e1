// HelpPoint simulator page: one card per virtual help point, refreshed by polling /api/devices.
"use strict";

const CATEGORIES = [
  ["bankid", "BankID"], ["swish", "Swish"], ["print", "Print"], ["email", "E-mail"],
  ["phone", "Phone"], ["forms", "Forms"], ["other", "Other"],
];
const POLL_MS = 500;
const cards = new Map();

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
  for (const [category, label] of CATEGORIES) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.dataset.category = category;
    button.dataset.testid = `press-${id}-${category}`;
    button.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/press`, {
      category,
      lang: card.querySelector(".lang").value || null,
    })));
    buttons.appendChild(button);
  }

  const select = card.querySelector(".lang");
  select.dataset.testid = `lang-${id}`;
  const cycle = card.querySelector(".cycle");
  cycle.dataset.testid = `cycle-${id}`;
  cycle.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/language`)));
  for (const button of card.querySelectorAll(".feedback button")) {
    button.dataset.testid = `feedback-${id}-${button.dataset.score}`;
    button.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/feedback`, {
      score: Number(button.dataset.score),
    })));
  }
  card.querySelector(".led").dataset.testid = `led-${id}`;
  const cancel = card.querySelector(".cancel");
  cancel.dataset.testid = `cancel-${id}`;
  cancel.addEventListener("click", () => act(() => api("POST", `/api/devices/${encodeURIComponent(id)}/cancel`)));

  document.getElementById("devices").appendChild(card);
  const entry = { card, languages: "" };
  cards.set(id, entry);
  return entry;
}

function updateLanguages(entry, languages) {
  const key = languages.join(",");
  if (entry.languages === key) return;
  entry.languages = key;
  const select = entry.card.querySelector(".lang");
  const previous = select.value || "sv";
  select.replaceChildren(new Option("none", ""), ...languages.map((code) => new Option(code, code)));
  select.value = languages.includes(previous) ? previous : "";
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
    button.disabled = !device.categories.includes(button.dataset.category);
  }
  updateLanguages(entry, device.languages);
  card.querySelector(".feedback").hidden = device.feedback !== "open";
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

// The OLED's real pixels (the 1-bit frame Core composes from the phrase bitmaps); the text lines stay
// for screens without bitmaps (setup) and as the accessible description.
function drawPixels(canvas, pre, display) {
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
    for (let x = 0; x < display.width; x++) {
      const lit = (bytes[y * stride + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
      const i = (y * display.width + x) * 4;
      image.data[i] = lit ? 143 : 0;
      image.data[i + 1] = lit ? 211 : 0;
      image.data[i + 2] = lit ? 255 : 0;
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
    const devices = await api("GET", "/api/devices");
    devices.forEach(render);
    setStatus(`${devices.length} help point(s) · refreshed ${new Date().toLocaleTimeString()}`, false);
  } catch (error) {
    setStatus(`Cannot reach the simulator: ${error.message}`, true);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
