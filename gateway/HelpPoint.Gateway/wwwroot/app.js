// HelpPoint IT-host app: sign in, go on duty, see the branch queue live (server-sent events), accept and finish requests.
'use strict';

const CATEGORIES = {
  bankid: '🆔 BankID', swish: '💸 Swish', print: '🖨️ Print', email: '✉️ E-mail',
  phone: '📱 Phone', forms: '📝 Forms', other: '❓ Other',
};
const LANGUAGES = { sv: 'Svenska', en: 'English', ar: 'العربية', so: 'Soomaali', fa: 'دری / فارسی', ti: 'ትግርኛ', uk: 'Українська' };

const state = { me: null, branch: 'demo', onDuty: false, requests: new Map(), events: null };
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401 && path !== '/api/v1/session') {
    showLogin();
    throw new Error('Please sign in again.');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  }
  return data;
}

function showLogin() {
  stopEvents();
  $('app').hidden = true;
  $('login').hidden = false;
}

function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('me-name').textContent = state.me.displayName;
  renderDuty();
  startEvents();
}

function renderLanguages(selected) {
  const box = $('languages');
  box.textContent = '';
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = code;
    input.checked = selected.includes(code);
    input.dataset.testid = `lang-${code}`;
    label.append(input, document.createTextNode(name));
    box.append(label);
  }
}

function selectedLanguages() {
  return [...$('languages').querySelectorAll('input:checked')].map((i) => i.value);
}

function renderDuty() {
  const toggle = $('duty-toggle');
  toggle.dataset.on = String(state.onDuty);
  toggle.textContent = state.onDuty ? 'End shift' : 'Go on duty';
  $('duty-state').textContent = state.onDuty ? `On duty at ${state.branch}` : 'Off duty';
}

function waited(pressedAt) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(pressedAt).getTime()) / 1000));
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return `waited ${m}:${s}`;
}

function renderQueue() {
  const list = $('queue');
  const items = [...state.requests.values()];
  list.textContent = '';
  for (const r of items) {
    const li = $('request-template').content.firstElementChild.cloneNode(true);
    li.dataset.testid = `request-${r.id}`;
    li.dataset.state = r.state;
    li.querySelector('.ticket').textContent = r.ticket;
    li.querySelector('.category').textContent = CATEGORIES[r.category] || r.category;
    const lang = r.lang ? (LANGUAGES[r.lang] || r.lang) : 'any language';
    li.querySelector('.meta').textContent = `${lang} · ${r.device}${r.host ? ' · ' + r.host : ''}`;
    const w = li.querySelector('.waited');
    w.dataset.pressedAt = r.pressedAt;
    w.textContent = r.state === 'queued' ? waited(r.pressedAt) : `with ${r.host}`;
    const actions = li.querySelector('.actions');
    const offeredToMe = r.state === 'queued' && r.offeredTo === state.me.user;
    li.dataset.offered = offeredToMe ? 'me' : (r.offeredTo ? 'other' : 'none');
    li.dataset.escalated = String(Boolean(r.escalated));
    if (r.escalated && r.state === 'queued') {
      li.querySelector('.meta').textContent += ' · needs the desk';
    }
    if (offeredToMe) {
      actions.append(button('Not now', 'decline', r, false), button('Accept', 'accept', r, true));
    } else if (r.state === 'queued' && state.onDuty) {
      actions.append(button('Accept', 'accept', r, true));
    } else if (r.state === 'assigned' && r.host === state.me.displayName) {
      actions.append(button('Release', 'release', r, false), button('Done', 'done', r, true));
    }
    list.append(li);
  }
  $('queue-count').textContent = String(items.filter((r) => r.state === 'queued').length);
  $('queue-empty').hidden = items.length > 0;
}

function button(label, action, request, primary) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = primary ? 'go' : '';
  b.dataset.testid = `${action}-${request.id}`;
  b.addEventListener('click', async () => {
    b.disabled = true;
    $('app-error').textContent = '';
    try {
      const updated = await api('POST', `/api/v1/requests/${encodeURIComponent(request.id)}/${action}`);
      upsert(updated);
    } catch (e) {
      $('app-error').textContent = e.message;
      b.disabled = false;
    }
  });
  return b;
}

function upsert(r) {
  if (r.state === 'queued' || r.state === 'assigned') {
    state.requests.set(r.id, r);
  } else {
    state.requests.delete(r.id);
  }
  renderQueue();
}

function notice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = false;
}

function setLive(on) {
  const live = $('live');
  live.dataset.live = on ? 'on' : 'off';
  live.textContent = on ? 'live' : 'offline';
}

function startEvents() {
  stopEvents();
  // EventSource reconnects by itself after a network loss; every (re)connect starts with a full queue snapshot.
  const source = new EventSource(`/api/v1/events?branch=${encodeURIComponent(state.branch)}`);
  state.events = source;
  source.addEventListener('open', () => setLive(true));
  source.addEventListener('error', () => setLive(false));
  source.addEventListener('queue', (e) => {
    const { data } = JSON.parse(e.data);
    state.requests = new Map(data.requests.map((r) => [r.id, r]));
    setLive(true);
    renderQueue();
  });
  source.addEventListener('request', (e) => {
    const { data } = JSON.parse(e.data);
    upsert(data);
  });
  for (const kind of ['offer', 'offer-withdrawn', 'escalation', 'unstaffed']) {
    source.addEventListener(kind, (e) => {
      const { data } = JSON.parse(e.data);
      if (data.request) { upsert(data.request); }
      if (kind === 'offer' && navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
      if (kind === 'escalation' || kind === 'unstaffed') { notice(kind === 'escalation' ? 'Nobody took a request: please help.' : 'A visitor was sent to the desk.'); }
    });
  }
  source.addEventListener('duty-check', () => { $('duty-check').hidden = false; });
}

function stopEvents() {
  if (state.events) {
    state.events.close();
    state.events = null;
  }
  setLive(false);
}

async function loadMe() {
  try {
    const me = await api('GET', '/api/v1/me');
    state.me = me;
    if (me.duty) {
      state.branch = me.duty.branch;
      state.onDuty = me.duty.onDuty;
      $('branch').value = me.duty.branch;
    }
    renderLanguages(me.duty ? me.duty.languages : ['sv', 'en']);
    showApp();
  } catch {
    showLogin();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('login-error').textContent = '';
    try {
      await api('POST', '/api/v1/session', { user: $('user').value.trim(), secret: $('secret').value });
      $('secret').value = '';
      await loadMe();
    } catch (err) {
      $('login-error').textContent = err.message;
    }
  });

  $('sign-out').addEventListener('click', async () => {
    try { await api('DELETE', '/api/v1/session'); } catch { /* signed out anyway */ }
    showLogin();
  });

  $('duty-toggle').addEventListener('click', async () => {
    $('app-error').textContent = '';
    const branch = $('branch').value.trim();
    try {
      const duty = await api('PUT', '/api/v1/me/duty', { branch, onDuty: !state.onDuty, languages: selectedLanguages() });
      state.onDuty = duty.onDuty;
      const branchChanged = duty.branch !== state.branch;
      state.branch = duty.branch;
      renderDuty();
      if (branchChanged || !state.events) { startEvents(); } else { renderQueue(); }
    } catch (err) {
      $('app-error').textContent = err.message;
    }
  });

  $('still-here').addEventListener('click', async () => {
    try {
      await api('POST', '/api/v1/me/duty/still-here');
      $('duty-check').hidden = true;
    } catch (err) {
      $('app-error').textContent = err.message;
    }
  });

  setInterval(() => {
    for (const w of document.querySelectorAll('.request[data-state="queued"] .waited')) {
      w.textContent = waited(w.dataset.pressedAt);
    }
  }, 1000);

  loadMe();
});
