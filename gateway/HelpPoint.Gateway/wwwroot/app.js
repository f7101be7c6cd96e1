// HelpPoint IT-host app: sign in, go on duty, see the branch queue live (server-sent events that reconnect by themselves and
// start every connection with a full queue snapshot), take offers with one thumb, and get them as system notifications
// (Web Push, through sw.js) when the app is not on screen. Plain JavaScript, no build step, no third-party code.
'use strict';

const CATEGORIES = ['bankid', 'swish', 'print', 'email', 'phone', 'forms', 'other'];
// Visitors' languages in their own script, shown next to the host's-language name.
const NATIVE = { sv: 'svenska', en: 'English', ar: 'العربية', so: 'Soomaali', fa: 'دری / فارسی', ti: 'ትግርኛ', uk: 'Українська' };
const UNDO_MS = 8000; // the gateway allows 10 s to reopen a "done"; the button goes away earlier to stay on the safe side
const RECONNECT_MAX_MS = 30000;

const state = {
  me: null,
  branch: null,
  onDuty: false,
  paused: false,
  languages: [],
  branches: [],
  requests: new Map(),
  events: null,
  reconnectTimer: null,
  reconnectDelay: 1000,
  seenOffers: new Set(),
  texts: {},
  uiLang: 'sv',
  uiLanguages: [],
  undo: null,
};
const $ = (id) => document.getElementById(id);

// ---- texts -------------------------------------------------------------------------------------------------------------

function t(key, values) {
  let text = state.texts[key] ?? key;
  if (values) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  }
  return text;
}

let textsWanted = 0;

async function loadTexts(lang) {
  // Only the latest choice is applied: a host who picks a language while the first texts are still loading keeps it.
  const wanted = ++textsWanted;
  const response = await fetch(`/i18n/${encodeURIComponent(lang)}.json`);
  if (!response.ok) { throw new Error(`no texts for ${lang}`); }
  const texts = await response.json();
  if (wanted !== textsWanted) { return; }
  state.texts = texts;
  state.uiLang = lang;
  document.documentElement.lang = lang;
  localStorage.setItem('hp.uiLang', lang);
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  $('ui-lang').value = lang;
}

async function setupLanguages() {
  try {
    state.uiLanguages = await (await fetch('/i18n/index.json')).json();
  } catch {
    state.uiLanguages = [{ code: 'sv', name: 'Svenska' }, { code: 'en', name: 'English' }];
  }
  const select = $('ui-lang');
  select.textContent = '';
  for (const l of state.uiLanguages) {
    const option = document.createElement('option');
    option.value = l.code;
    option.textContent = l.name;
    select.append(option);
  }
  const codes = state.uiLanguages.map((l) => l.code);
  const saved = localStorage.getItem('hp.uiLang');
  const browser = (navigator.languages || [navigator.language || '']).map((l) => l.slice(0, 2)).find((l) => codes.includes(l));
  const initial = codes.includes(saved) ? saved : (browser || codes[0]);
  select.value = initial;
  select.addEventListener('change', async () => {
    const chosen = select.value;
    await loadTexts(chosen);
    renderAll();
    if (state.me) {
      // Notifications sent by the gateway follow the app's language.
      api('PUT', '/api/v1/me/channels', { uiLang: chosen }).catch(() => {});
    }
  });
  await loadTexts(initial);
}

function categoryName(c) { return t(`category.${c}`); }

function languageName(code) {
  if (!code) { return t('language.any'); }
  const local = t(`language.${code}`);
  const native = NATIVE[code];
  const known = local !== `language.${code}`;
  if (!known) { return native || code; }
  return native && native.toLowerCase() !== local.toLowerCase() ? `${local} · ${native}` : local;
}

function iconFor(category) {
  return `icons/categories/${CATEGORIES.includes(category) ? category : 'other'}.svg`;
}

// ---- the one fetch helper ---------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(method, path, body) {
  // X-HelpPoint-Request marks the call as the app's own (anti-forgery for cookie-authenticated changes).
  const headers = { 'X-HelpPoint-Request': '1' };
  if (body !== undefined) { headers['content-type'] = 'application/json'; }
  let response;
  try {
    response = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (response.status === 401 && path !== '/api/v1/session') {
    showLogin(t('error.signIn'));
    throw new ApiError(401, t('error.signIn'));
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    throw new ApiError(response.status, (data && (data.detail || data.title)) || `HTTP ${response.status}`);
  }
  return data;
}

// ---- sound and vibration ----------------------------------------------------------------------------------------------

let audio = null;
function unlockAudio() {
  // Browsers allow sound only after the user touched the page; sign-in and "go on duty" are such touches.
  if (!audio && window.AudioContext) {
    try { audio = new AudioContext(); } catch { audio = null; }
  }
  if (audio && audio.state === 'suspended') { audio.resume().catch(() => {}); }
}

// A repeated escalation rings louder and longer than an offer: a visitor has waited through every step before it.
function ring(loud = false) {
  if (navigator.vibrate) { navigator.vibrate(loud ? [600, 150, 600, 150, 600, 150, 600] : [300, 120, 300, 120, 300]); }
  if (!audio) { return; }
  const start = audio.currentTime + 0.05;
  const peak = loud ? 0.9 : 0.4;
  for (let i = 0; i < (loud ? 6 : 3); i++) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = i === 1 ? 1175 : 880;
    gain.gain.setValueAtTime(0.0001, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(peak, start + i * 0.35 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.28);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + i * 0.35);
    osc.stop(start + i * 0.35 + 0.3);
  }
  document.body.dataset.rang = String(Number(document.body.dataset.rang || 0) + 1);
}

// ---- screens ----------------------------------------------------------------------------------------------------------

function showLogin(message) {
  stopEvents();
  state.me = null;
  $('app').hidden = true;
  $('login').hidden = false;
  $('live').hidden = true;
  hideUndo();
  $('login-error').textContent = message || '';
}

function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('live').hidden = false;
  renderAll();
  startEvents();
  refreshPush(false);
}

function renderAll() {
  if (!state.me) { return; }
  $('me-hello').textContent = t('me.hello', { name: state.me.displayName });
  $('me-name').textContent = state.me.displayName;
  renderBranches();
  renderLanguages();
  renderDuty();
  renderQueue();
  renderPushState();
}

function renderBranches() {
  const select = $('branch');
  const current = state.branch || select.value;
  select.textContent = '';
  const list = state.branches.length > 0 ? state.branches : [{ id: current || 'demo', name: current || 'demo' }];
  for (const b of list) {
    const option = document.createElement('option');
    option.value = b.id;
    option.textContent = b.name && b.name !== b.id ? `${b.name} (${b.id})` : b.id;
    select.append(option);
  }
  if (current) { select.value = current; }
}

function branchLanguages() {
  const b = state.branches.find((x) => x.id === $('branch').value);
  const codes = new Set([...(b ? b.languages : ['sv', 'en']), ...state.languages]);
  return [...codes];
}

function renderLanguages() {
  const box = $('languages');
  const checked = new Set(selectedLanguages().length > 0 ? selectedLanguages() : state.languages);
  box.textContent = '';
  for (const code of branchLanguages()) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = code;
    input.checked = checked.has(code);
    input.dataset.testid = `lang-${code}`;
    label.append(input, document.createTextNode(languageName(code)));
    box.append(label);
  }
}

function selectedLanguages() {
  return [...$('languages').querySelectorAll('input:checked')].map((i) => i.value);
}

function renderDuty() {
  const toggle = $('duty-toggle');
  toggle.dataset.on = String(state.onDuty);
  toggle.textContent = state.onDuty ? t('duty.end') : t('duty.goOn');
  $('duty-state').textContent = !state.onDuty ? t('duty.off') : state.paused ? t('duty.paused', { branch: state.branch }) : t('duty.on', { branch: state.branch });
  const pause = $('pause-toggle');
  pause.hidden = !state.onDuty;
  pause.dataset.paused = String(state.paused);
  pause.textContent = state.paused ? t('duty.resume') : t('duty.pause');
  $('duty-form').hidden = state.onDuty;
}

function waitedText(pressedAt) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(pressedAt).getTime()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function myOffer() {
  for (const r of state.requests.values()) {
    if (r.state === 'queued' && r.offeredTo === state.me.user) { return r; }
  }
  return null;
}

function myTask() {
  for (const r of state.requests.values()) {
    if (r.state === 'assigned' && r.host === state.me.displayName) { return r; }
  }
  return null;
}

function fillCard(card, r) {
  card.querySelector('.cat-icon').src = iconFor(r.category);
  card.querySelector('.cat-name').textContent = categoryName(r.category);
  card.querySelector('.lang-name').textContent = languageName(r.lang);
  card.querySelector('.ticket-no').textContent = r.ticket;
  card.dataset.request = r.id;
}

function renderQueue() {
  if (!state.me) { return; }
  const offer = myOffer();
  const offerCard = $('offer');
  offerCard.hidden = !offer;
  if (offer) {
    fillCard(offerCard, offer);
    $('offer').querySelector('[data-testid="offer-device"]').textContent = offer.device;
    $('offer').querySelector('.waited').dataset.pressedAt = offer.pressedAt;
    $('offer').querySelector('.waited').textContent = t('offer.waited', { time: waitedText(offer.pressedAt) });
    $('accept').disabled = false;
    $('decline').disabled = false;
    if (!state.seenOffers.has(offer.id)) {
      state.seenOffers.add(offer.id);
      offerCard.classList.remove('ringing');
      void offerCard.offsetWidth; // restart the animation
      offerCard.classList.add('ringing');
      ring();
    }
  }

  const task = myTask();
  const taskCard = $('task');
  const wasFor = taskCard.dataset.request;
  taskCard.hidden = !task;
  if (task) {
    fillCard(taskCard, task);
    $('task-device').textContent = t('task.to', { device: task.device });
    if (wasFor !== task.id) {
      $('done-sheet').hidden = true;
      $('task-actions').hidden = false;
      renderCategorySelect(task.category);
    }
    $('done').disabled = false;
    $('release').disabled = false;
  } else {
    delete taskCard.dataset.request;
  }

  const list = $('queue');
  const items = [...state.requests.values()];
  list.textContent = '';
  for (const r of items) {
    const li = $('request-template').content.firstElementChild.cloneNode(true);
    li.dataset.testid = `request-${r.id}`;
    li.dataset.state = r.state;
    const offeredToMe = r.state === 'queued' && r.offeredTo === state.me.user;
    li.dataset.offered = offeredToMe ? 'me' : (r.offeredTo ? 'other' : 'none');
    li.dataset.escalated = String(Boolean(r.escalated));
    li.querySelector('.cat-icon').src = iconFor(r.category);
    li.querySelector('.ticket').textContent = r.ticket;
    li.querySelector('.category').textContent = categoryName(r.category);
    const meta = [languageName(r.lang), r.device];
    if (r.state === 'queued' && r.offeredTo && !offeredToMe) { meta.push(t('queue.offeredElsewhere')); }
    if (r.escalated && r.state === 'queued') { meta.push(t('queue.desk')); }
    li.querySelector('.meta').textContent = meta.join(' · ');
    const w = li.querySelector('.waited');
    w.dataset.pressedAt = r.pressedAt;
    w.textContent = r.state === 'queued' ? t('offer.waited', { time: waitedText(r.pressedAt) }) : t('queue.with', { host: r.host });
    if (r.state === 'queued' && state.onDuty && !offeredToMe) {
      // Anyone on duty may take a waiting request; of several at once exactly one gets it.
      li.querySelector('.actions').append(queueButton(t('offer.accept'), `accept-${r.id}`, () => accept(r.id)));
    }
    list.append(li);
  }
  $('queue-count').textContent = String(items.filter((r) => r.state === 'queued').length);
  $('queue-empty').hidden = items.length > 0;
}

function queueButton(label, testid, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'go';
  b.textContent = label;
  b.dataset.testid = testid;
  b.addEventListener('click', async () => {
    b.disabled = true;
    await onClick();
    b.disabled = false;
  });
  return b;
}

function renderCategorySelect(current) {
  const select = $('done-category');
  select.textContent = '';
  for (const c of CATEGORIES) {
    const option = document.createElement('option');
    option.value = c;
    option.textContent = categoryName(c);
    select.append(option);
  }
  select.value = current;
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
  n.hidden = !text;
}

function showError(text) {
  $('app-error').textContent = text || '';
}

// ---- undo -------------------------------------------------------------------------------------------------------------

function offerUndo(text, action) {
  hideUndo();
  $('undo-text').textContent = text;
  $('undo').hidden = false;
  const timer = setTimeout(hideUndo, UNDO_MS);
  state.undo = { action, timer };
}

function hideUndo() {
  if (state.undo) { clearTimeout(state.undo.timer); }
  state.undo = null;
  $('undo').hidden = true;
}

// ---- actions ----------------------------------------------------------------------------------------------------------

async function accept(id) {
  showError('');
  const ticket = state.requests.get(id)?.ticket ?? '';
  try {
    const updated = await api('POST', `/api/v1/requests/${encodeURIComponent(id)}/accept`);
    upsert(updated);
    notice('');
    offerUndo(t('undo.accepted', { ticket: updated.ticket }), async () => {
      const back = await api('POST', `/api/v1/requests/${encodeURIComponent(id)}/release`);
      upsert(back);
      notice(t('undo.released', { ticket: back.ticket }));
    });
  } catch (e) {
    if (e.status === 409) {
      await explainLostRace(id, ticket);
    } else {
      showError(e.message);
    }
  }
}

async function explainLostRace(id, ticket) {
  // Two hosts tapped at once: say plainly who has it, so nobody walks to the help point for nothing.
  let host = null;
  try {
    const queue = await api('GET', `/api/v1/branches/${encodeURIComponent(state.branch)}/queue`);
    const now = queue.find((r) => r.id === id);
    state.requests = new Map(queue.map((r) => [r.id, r]));
    host = now && now.state === 'assigned' ? now.host : null;
  } catch { /* the message without a name will do */ }
  renderQueue();
  notice(host ? t('race.lostTo', { host, ticket }) : t('race.lost', { ticket }));
  $('notice').dataset.kind = 'race';
}

async function decline() {
  const offer = myOffer();
  if (!offer) { return; }
  $('decline').disabled = true;
  try {
    upsert(await api('POST', `/api/v1/requests/${encodeURIComponent(offer.id)}/decline`));
  } catch (e) {
    showError(e.message);
  }
}

async function finish(outcome) {
  const task = myTask();
  if (!task) { return; }
  const category = $('done-category').value;
  const body = { outcome };
  if (category && category !== task.category) { body.category = category; }
  for (const b of $('done-sheet').querySelectorAll('button')) { b.disabled = true; }
  try {
    const done = await api('POST', `/api/v1/requests/${encodeURIComponent(task.id)}/done`, body);
    upsert(done);
    offerUndo(t('undo.done', { ticket: done.ticket }), async () => {
      const again = await api('POST', `/api/v1/requests/${encodeURIComponent(task.id)}/reopen`);
      upsert(again);
      notice(t('undo.reopened', { ticket: again.ticket }));
    });
  } catch (e) {
    showError(e.message);
  } finally {
    for (const b of $('done-sheet').querySelectorAll('button')) { b.disabled = false; }
  }
}

async function release() {
  const task = myTask();
  if (!task) { return; }
  $('release').disabled = true;
  try {
    upsert(await api('POST', `/api/v1/requests/${encodeURIComponent(task.id)}/release`));
  } catch (e) {
    showError(e.message);
  }
}

// ---- live queue (server-sent events) ----------------------------------------------------------------------------------

function setLive(mode) {
  const live = $('live');
  live.dataset.live = mode;
  live.textContent = t(mode === 'on' ? 'live.on' : mode === 'connecting' ? 'live.connecting' : 'live.off');
}

function startEvents() {
  stopEvents();
  if (!state.me) { return; }
  setLive('connecting');
  const path = state.branch ? `/api/v1/events?branch=${encodeURIComponent(state.branch)}` : '/api/v1/events';
  // Every (re)connect starts with a full queue snapshot, so nothing missed while away stays missing.
  const source = new EventSource(path);
  state.events = source;
  source.addEventListener('queue', (e) => {
    const { data } = JSON.parse(e.data);
    state.requests = new Map(data.requests.map((r) => [r.id, r]));
    state.reconnectDelay = 1000;
    setLive('on');
    renderQueue();
  });
  source.addEventListener('request', (e) => upsert(JSON.parse(e.data).data));
  source.addEventListener('board', () => {});
  for (const kind of ['offer', 'offer-withdrawn', 'escalation', 'escalation-repeat', 'unstaffed']) {
    source.addEventListener(kind, (e) => {
      const { data } = JSON.parse(e.data);
      if (data.request) { upsert(data.request); }
      const ticket = data.request ? data.request.ticket : '';
      if (kind === 'escalation') { notice(t('notice.escalation', { ticket })); ring(); }
      if (kind === 'escalation-repeat') { notice(t('notice.escalationRepeat', { ticket })); ring(true); }
      if (kind === 'unstaffed') { notice(t('notice.unstaffed', { ticket })); }
      if (kind === 'offer-withdrawn' && data.request && data.request.state === 'queued') { notice(t('notice.withdrawn', { ticket })); }
    });
  }
  source.addEventListener('duty-check', () => { $('duty-check').hidden = false; ring(); });
  source.addEventListener('error', () => {
    setLive('off');
    // EventSource retries network drops by itself; when it gives up (the server refused or closed for good), we retry.
    if (source.readyState === EventSource.CLOSED) { scheduleReconnect(); }
  });
}

function scheduleReconnect() {
  if (state.reconnectTimer || !state.me) { return; }
  const delay = state.reconnectDelay;
  state.reconnectDelay = Math.min(state.reconnectDelay * 2, RECONNECT_MAX_MS);
  state.reconnectTimer = setTimeout(async () => {
    state.reconnectTimer = null;
    try {
      await api('GET', '/api/v1/me'); // 401 shows the login instead
      startEvents();
    } catch (e) {
      if (e.status !== 401) { scheduleReconnect(); }
    }
  }, delay);
}

function stopEvents() {
  if (state.reconnectTimer) { clearTimeout(state.reconnectTimer); state.reconnectTimer = null; }
  if (state.events) { state.events.close(); state.events = null; }
  setLive('off');
}

// ---- Web Push ---------------------------------------------------------------------------------------------------------

function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function renderPushState(error) {
  const stateText = $('push-state');
  const button = $('push-enable');
  if (error) {
    stateText.textContent = t('push.failed', { reason: error });
    button.hidden = false;
    return;
  }
  if (!pushSupported()) {
    stateText.textContent = t('push.unsupported');
    button.hidden = true;
  } else if (Notification.permission === 'denied') {
    stateText.textContent = t('push.blocked');
    button.hidden = true;
  } else if (Notification.permission === 'granted' && state.pushOn) {
    stateText.textContent = t('push.enabled');
    button.hidden = true;
  } else {
    stateText.textContent = '';
    button.hidden = false;
  }
}

async function refreshPush(ask) {
  if (!pushSupported() || !state.me) { renderPushState(); return; }
  try {
    if (ask && Notification.permission === 'default') { await Notification.requestPermission(); }
    if (Notification.permission !== 'granted') { state.pushOn = false; renderPushState(); return; }
    const registration = await navigator.serviceWorker.ready;
    let subscription = await registration.pushManager.getSubscription();
    if (!subscription) {
      const { publicKey } = await api('GET', '/api/v1/push/key');
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
    }
    await api('PUT', '/api/v1/me/push-subscription', subscription.toJSON());
    state.pushOn = true;
    renderPushState();
  } catch (e) {
    state.pushOn = false;
    renderPushState(ask ? (e.message || String(e)) : undefined);
  }
}

async function forgetPush() {
  if (!pushSupported()) { return; }
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = registration && await registration.pushManager.getSubscription();
    if (subscription) {
      await api('DELETE', '/api/v1/me/push-subscription', { endpoint: subscription.endpoint }).catch(() => {});
      await subscription.unsubscribe();
    }
  } catch { /* signing out matters more */ }
  state.pushOn = false;
}

function onWorkerMessage(event) {
  const message = event.data || {};
  if (message.type === 'notification-click' && message.result && message.result !== 'accepted') {
    showError(t('race.lost', { ticket: message.ticket || '' }));
  }
}

// ---- start ------------------------------------------------------------------------------------------------------------

async function loadMe() {
  try {
    const me = await api('GET', '/api/v1/me');
    state.me = me;
    state.onDuty = Boolean(me.duty && me.duty.onDuty);
    state.paused = Boolean(me.duty && me.duty.paused);
    state.branch = me.duty ? me.duty.branch : null;
    state.languages = me.duty ? me.duty.languages : [state.uiLang];
    try { state.branches = await api('GET', '/api/v1/branches'); } catch { state.branches = []; }
    if (!state.branch && state.branches.length > 0) { state.branch = state.branches[0].id; }
    showApp();
  } catch {
    if (!state.me) { showLogin(); }
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
    navigator.serviceWorker.addEventListener('message', onWorkerMessage);
  }
  await setupLanguages();

  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    unlockAudio();
    $('login-error').textContent = '';
    try {
      await api('POST', '/api/v1/session', { user: $('user').value.trim(), secret: $('secret').value });
      $('secret').value = '';
      await loadMe();
      api('PUT', '/api/v1/me/channels', { uiLang: state.uiLang }).catch(() => {});
    } catch (err) {
      $('login-error').textContent = err.status === 401 ? t('login.failed') : err.status === 429 ? t('login.locked') : err.message;
    }
  });

  $('sign-out').addEventListener('click', async () => {
    await forgetPush();
    try { await api('DELETE', '/api/v1/session'); } catch { /* signed out anyway */ }
    showLogin();
  });

  $('branch').addEventListener('change', () => renderLanguages());

  $('duty-toggle').addEventListener('click', async () => {
    unlockAudio();
    showError('');
    const branch = state.onDuty ? state.branch : $('branch').value;
    try {
      const duty = await api('PUT', '/api/v1/me/duty', { branch, onDuty: !state.onDuty, languages: state.onDuty ? state.languages : selectedLanguages() });
      state.onDuty = duty.onDuty;
      state.paused = Boolean(duty.paused);
      state.languages = duty.languages;
      const branchChanged = duty.branch !== state.branch;
      state.branch = duty.branch;
      renderDuty();
      if (branchChanged || !state.events) { startEvents(); } else { renderQueue(); }
    } catch (err) {
      showError(err.message);
    }
  });

  $('pause-toggle').addEventListener('click', async () => {
    showError('');
    try {
      const duty = await api('PUT', '/api/v1/me/duty/pause', { paused: !state.paused });
      state.paused = Boolean(duty.paused);
      renderDuty();
    } catch (err) {
      showError(err.message);
    }
  });

  $('still-here').addEventListener('click', async () => {
    try {
      await api('POST', '/api/v1/me/duty/still-here');
      $('duty-check').hidden = true;
    } catch (err) {
      showError(err.message);
    }
  });

  $('accept').addEventListener('click', async () => {
    const offer = myOffer();
    if (!offer) { return; }
    $('accept').disabled = true;
    await accept(offer.id);
  });
  $('decline').addEventListener('click', decline);
  $('done').addEventListener('click', () => {
    $('task-actions').hidden = true;
    $('done-sheet').hidden = false;
  });
  $('done-back').addEventListener('click', () => {
    $('done-sheet').hidden = true;
    $('task-actions').hidden = false;
  });
  for (const b of $('done-sheet').querySelectorAll('[data-outcome]')) {
    b.addEventListener('click', () => finish(b.dataset.outcome));
  }
  $('release').addEventListener('click', release);
  $('push-enable').addEventListener('click', () => refreshPush(true));
  $('undo-button').addEventListener('click', async () => {
    const undo = state.undo;
    hideUndo();
    if (!undo) { return; }
    try { await undo.action(); } catch (e) { showError(e.message); }
  });

  // Back online, or back on screen: reconnect at once instead of waiting for the back-off.
  window.addEventListener('online', () => { if (state.me && (!state.events || state.events.readyState === EventSource.CLOSED)) { startEvents(); } });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.me && (!state.events || state.events.readyState === EventSource.CLOSED)) { startEvents(); }
  });

  setInterval(() => {
    for (const w of document.querySelectorAll('.request[data-state="queued"] .waited, #offer .waited')) {
      if (w.dataset.pressedAt) { w.textContent = t('offer.waited', { time: waitedText(w.dataset.pressedAt) }); }
    }
  }, 1000);

  await loadMe();
});
