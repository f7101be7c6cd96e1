// HelpPoint manager dashboard: a branch's day, a range with trends, branches side by side, the daily summary, the fleet and (for
// admins) device provisioning. Plain ES module, no framework, no CDN; charts are hand-written SVG (charts.js).
import * as charts from './charts.js';

const CATEGORIES = ['bankid', 'swish', 'print', 'email', 'phone', 'forms', 'other'];
const CATEGORY_NAMES = { bankid: 'BankID', swish: 'Swish', print: 'Print', email: 'E-mail', phone: 'Phone', forms: 'Forms', other: 'Other' };
const LANGUAGE_NAMES = {
  sv: 'Svenska', en: 'English', ar: 'العربية', so: 'Soomaali', fa: 'فارسی / دری', ti: 'ትግርኛ', uk: 'Українська', none: 'Not chosen',
};
const STATE_NAMES = { done: 'Helped', cancelled: 'Cancelled', expired: 'Expired', unstaffed: 'Nobody on duty', queued: 'Waiting now', assigned: 'Being helped now' };
const FLEET_REFRESH_MS = 3000;

const state = { me: null, branches: [], alerts: [], alertSource: null, fleetTimer: null, renderId: 0, lastSecret: null };
const $ = (id) => document.getElementById(id);

// ---------- HTTP ----------

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    // X-HelpPoint-Request marks the call as the page's own: the gateway refuses cookie-authenticated changes without it (anti-forgery).
    headers: body ? { 'content-type': 'application/json', 'X-HelpPoint-Request': '1' } : { 'X-HelpPoint-Request': '1' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401 && path !== '/api/v1/session') {
    showLogin();
    throw new Error('Please sign in again.');
  }
  const text = await response.text();
  const type = response.headers.get('content-type') || '';
  const data = text && type.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  }
  return data;
}

// ---------- formatting ----------

export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

const fmtShare = (share) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`);
const fmtInt = (n) => (n === null || n === undefined ? '–' : String(n));
const isoDate = (d) => d.toISOString().slice(0, 10);
const parseIso = (iso) => new Date(`${iso}T12:00:00Z`);
const addDays = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return isoDate(d); };
const longDate = (iso) => parseIso(iso).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = (iso) => parseIso(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const hourLabel = (h) => String(h).padStart(2, '0');

function ago(iso) {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleString('en-GB');
}

function node(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// ---------- sign-in ----------

function showLogin() {
  stopLive();
  for (const v of document.querySelectorAll('.view')) v.hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('login').hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    await api('POST', '/api/v1/session', { user: $('login-user').value.trim(), secret: $('login-secret').value });
    $('login-secret').value = '';
    await start();
  } catch (e) {
    $('login-error').textContent = e.message;
  }
}

async function signOut() {
  try { await api('DELETE', '/api/v1/session'); } catch { /* signed out anyway */ }
  state.me = null;
  showLogin();
}

async function start() {
  let me;
  try {
    me = await api('GET', '/api/v1/me');
  } catch {
    showLogin();
    return;
  }
  if (me.role !== 'manager' && me.role !== 'admin') {
    await api('DELETE', '/api/v1/session').catch(() => {});
    showLogin();
    $('login-error').textContent = 'This dashboard is for managers and admins. IT-hosts use the phone app.';
    return;
  }
  state.me = me;
  $('login').hidden = true;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('me-name').textContent = `${me.displayName} (${me.role})`;
  document.querySelector('[data-view="devices"]').hidden = me.role !== 'admin';
  state.branches = await api('GET', '/api/v1/stats/branches');
  for (const select of document.querySelectorAll('.branch-select, #fleet-branch')) {
    const keep = select.id === 'fleet-branch' ? [select.options[0]] : [];
    select.replaceChildren(...keep, ...state.branches.map((b) => node('option', { value: b.id, text: `${b.name} (${b.id})` })));
  }
  startLive();
  await route();
}

// ---------- routing: #view/args… ----------

function branchOr(id) {
  return state.branches.find((b) => b.id === id) || state.branches[0];
}

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  if (!state.me) return;
  const [view = 'day', ...args] = location.hash.replace(/^#/, '').split('/').filter(Boolean);
  const id = ++state.renderId;
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${view}`;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === view);
  if (view !== 'fleet') stopFleetPolling();
  $('error').hidden = true;
  try {
    if (state.branches.length === 0 && view !== 'fleet' && view !== 'devices') {
      throw new Error('There is no branch you may see yet.');
    }
    switch (view) {
      case 'range': await renderRange(args, id); break;
      case 'compare': await renderCompare(args, id); break;
      case 'summary': await renderSummary(args, id); break;
      case 'fleet': await renderFleet(); startFleetPolling(); break;
      case 'devices': await renderDevices(); break;
      default: await renderDay(args, id);
    }
  } catch (e) {
    $('error').textContent = e.message;
    $('error').hidden = false;
  }
}

// ---------- chart cards ----------

function card(id, title, total, totalLabel, chart, extra) {
  const header = node('header', {}, node('h3', { text: title }));
  if (total !== null && total !== undefined) {
    header.append(node('span', { class: 'chart-total' }, node('span', { 'data-testid': `total-${id}`, text: String(total) }), ` ${totalLabel}`));
  }
  const body = node('div', { class: 'chart-body', 'data-testid': `chart-${id}` }, chart);
  $(`card-${id}`).replaceChildren(header, body, ...(extra ? [extra] : []));
}

function categorySeries(valuesOf) {
  return CATEGORIES.map((c) => ({ key: c, label: CATEGORY_NAMES[c], cls: `c-${c}`, values: valuesOf(c) }));
}

function kpis(containerId, figures, prefix) {
  const tiles = [
    ['total', 'Requests', fmtInt(figures.total), ''],
    ['target', `Accepted within ${fmtDuration(figures.targetAcceptS)}`, fmtShare(figures.withinTargetShare), `${figures.withinTarget} of ${figures.targetEligible}`],
    ['wait', 'Wait (press → accept)', fmtDuration(figures.waitMedianS), `median · 90 %: ${fmtDuration(figures.waitP90S)}`],
    ['handling', 'Helping (accept → done)', fmtDuration(figures.handlingMedianS), `median · 90 %: ${fmtDuration(figures.handlingP90S)}`],
    ['escalated', 'Escalated to the desk', fmtInt(figures.escalated), ''],
    ['unstaffed', 'Nobody on duty', fmtInt(figures.unstaffed), ''],
    ['cancelled', 'Cancelled', fmtInt(figures.cancelled), ''],
    ['expired', 'Expired', fmtInt(figures.expired), ''],
  ];
  $(containerId).replaceChildren(...tiles.map(([key, label, value, sub]) =>
    node('div', { class: `kpi kpi-${key}` },
      node('span', { class: 'kpi-label', text: label }),
      node('strong', { class: 'kpi-value', 'data-testid': `${prefix}-kpi-${key}`, text: value }),
      sub ? node('span', { class: 'kpi-sub', text: sub }) : null)));
}

/** Hours to draw: at least 07–20, widened to every hour with requests. */
function hourWindow(byHour) {
  const used = byHour.map((v, h) => (v > 0 ? h : -1)).filter((h) => h >= 0);
  const first = Math.min(7, ...used);
  const last = Math.max(20, ...used);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const WIDE = 1140;

function hourChart(id, figures, title, width = WIDE) {
  const hours = hourWindow(figures.byHour);
  const series = categorySeries((c) => hours.map((h) => figures.byCategoryHour[c]?.[h] || 0));
  card(id, title, figures.total, 'requests',
    charts.stackedColumns({ labels: hours.map(hourLabel), series, width, height: width === WIDE ? 300 : 260, label: `${title}: ${figures.total} requests` }), charts.legend(series));
}

function devicesChart(id, byDevice) {
  const items = Object.entries(byDevice).sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ key: k, label: k, value: v, cls: 'c-device' }));
  card(id, 'By help point', items.reduce((s, i) => s + i.value, 0), 'requests', charts.horizontalBars({ items, label: 'Requests by help point', labelWidth: 150 }));
}

function languagesChart(id, byLanguage) {
  const items = Object.entries(byLanguage).sort((a, b) => b[1] - a[1])
    .map(([k, v]) => ({ key: k, label: LANGUAGE_NAMES[k] || k, value: v, cls: 'c-language' }));
  card(id, 'By language', items.reduce((s, i) => s + i.value, 0), 'requests', charts.horizontalBars({ items, label: 'Requests by language' }));
}

function hostsChart(id, hosts) {
  const items = hosts.map((h) => ({ key: h.name, label: h.name, value: h.requests, cls: 'c-host', note: `${h.done} helped · ${fmtDuration(h.handlingMedianS)} median` }));
  card(id, 'Requests per IT-host', items.reduce((s, i) => s + i.value, 0), 'accepted', charts.horizontalBars({ items, label: 'Requests per IT-host' }));
}

function feedbackChart(id, feedback) {
  const parts = [
    { key: 'happy', label: '😊 Happy', value: feedback.happy || 0, cls: 'c-happy' },
    { key: 'neutral', label: '😐 Neutral', value: feedback.neutral || 0, cls: 'c-neutral' },
    { key: 'unhappy', label: '☹️ Unhappy', value: feedback.unhappy || 0, cls: 'c-unhappy' },
  ];
  card(id, 'Visitor feedback', parts.reduce((s, p) => s + p.value, 0), 'answers', charts.shareBar({ parts, label: 'Visitor feedback' }));
}

function timesChart(id, f) {
  const series = [
    { key: 'median', label: 'Median', cls: 'c-median', values: [f.waitMedianS, f.handlingMedianS] },
    { key: 'p90', label: '90th percentile', cls: 'c-p90', values: [f.waitP90S, f.handlingP90S] },
  ];
  card(id, 'Wait and helping time', null, null,
    charts.groupedBars({ groups: [{ key: 'wait', label: `Wait (${f.waitCount})` }, { key: 'handling', label: `Helping (${f.handlingCount})` }], series, label: 'Wait and helping time', valueFormat: fmtDuration, kind: 'duration' }),
    charts.legend(series));
}

function statesChart(id, f) {
  const items = Object.keys(STATE_NAMES).filter((k) => (f.byState[k] || 0) > 0 || ['done', 'cancelled', 'expired', 'unstaffed'].includes(k))
    .map((k) => ({ key: k, label: STATE_NAMES[k], value: f.byState[k] || 0, cls: `s-${k}` }));
  card(id, 'How requests ended', items.reduce((s, i) => s + i.value, 0), 'requests', charts.horizontalBars({ items, label: 'How requests ended', labelWidth: 150 }));
}

function categoriesChart(id, byCategory) {
  const items = CATEGORIES.map((c) => ({ key: c, label: CATEGORY_NAMES[c], value: byCategory[c] || 0, cls: `c-${c}` }));
  card(id, 'By category', items.reduce((s, i) => s + i.value, 0), 'requests', charts.horizontalBars({ items, label: 'Requests by category' }));
}

// ---------- views ----------

async function renderDay([branchId, date], id) {
  const branch = branchOr(branchId);
  date = date || branch.today;
  $('day-branch').value = branch.id;
  $('day-date').value = date;
  const q = `branch=${encodeURIComponent(branch.id)}&date=${date}`;
  $('day-csv').href = `/api/v1/stats/daily?${q}&format=csv`;
  $('day-rows-csv').href = `/api/v1/stats/requests?branch=${encodeURIComponent(branch.id)}&from=${date}&to=${date}`;
  const f = await api('GET', `/api/v1/stats/daily?${q}`);
  if (id !== state.renderId) return;
  $('day-title').textContent = `${branch.name} — ${longDate(date)}`;
  const notes = [];
  if (f.hoursInDay === 23) notes.push('Clocks went forward this night: the day had 23 hours and hour 02 did not exist.');
  if (f.hoursInDay === 25) notes.push('Clocks went back this night: the day had 25 hours; hour 02 counts both of them.');
  if (f.folded) notes.push('This day is older than the retention period: its figures come from the kept daily aggregate, request rows are gone.');
  $('day-note').textContent = notes.join(' ');
  kpis('day-kpis', f, 'day');
  hourChart('hours', f, 'Requests by hour and category');
  devicesChart('devices', f.byDevice);
  languagesChart('languages', f.byLanguage);
  timesChart('times', f);
  hostsChart('hosts', f.hosts);
  feedbackChart('feedback', f.feedback);
  statesChart('states', f);
  document.body.dataset.rendered = `day:${branch.id}:${date}`;
}

function rangeDefaults(from, to, branch) {
  const end = to || branch.today;
  return [from || addDays(end, -29), end];
}

async function renderRange([branchId, from, to], id) {
  const branch = branchOr(branchId);
  [from, to] = rangeDefaults(from, to, branch);
  $('range-branch').value = branch.id;
  $('range-from').value = from;
  $('range-to').value = to;
  const q = `branch=${encodeURIComponent(branch.id)}&from=${from}&to=${to}`;
  $('range-csv').href = `/api/v1/stats/range?${q}&format=csv`;
  $('range-rows-csv').href = `/api/v1/stats/requests?${q}`;
  const r = await api('GET', `/api/v1/stats/range?${q}`);
  if (id !== state.renderId) return;
  $('range-title').textContent = `${branch.name} — ${longDate(from)} to ${longDate(to)} (${r.days.length} days)`;
  kpis('range-kpis', r, 'range');
  const labels = r.days.map((d) => shortDate(d.date));
  const series = categorySeries((c) => r.days.map((d) => d.byCategory[c] || 0));
  card('trend-requests', 'Requests per day', r.total, 'requests',
    charts.stackedColumns({ labels, series, width: WIDE, height: 300, label: `Requests per day: ${r.total}`, showTotals: r.days.length <= 31 }), charts.legend(series));
  const waitSeries = [
    { key: 'wait-median', label: 'Wait, median', cls: 'c-median', values: r.days.map((d) => d.waitMedianS) },
    { key: 'wait-p90', label: 'Wait, 90 %', cls: 'c-p90', values: r.days.map((d) => d.waitP90S) },
    { key: 'handling-median', label: 'Helping, median', cls: 'c-handling', values: r.days.map((d) => d.handlingMedianS) },
  ];
  card('trend-wait', 'Wait and helping time per day', null, null,
    charts.lineChart({ labels, series: waitSeries, width: WIDE, height: 280, label: 'Wait and helping time per day', valueFormat: fmtDuration, kind: 'duration' }), charts.legend(waitSeries));
  const targetSeries = [{ key: 'share', label: `Accepted within ${fmtDuration(r.targetAcceptS)}`, cls: 'c-target', values: r.days.map((d) => (d.withinTargetShare === null ? null : Math.round(d.withinTargetShare * 100))) }];
  card('trend-target', 'Within target per day', fmtShare(r.withinTargetShare), 'over the range',
    charts.lineChart({ labels, series: targetSeries, label: 'Share accepted within target per day', valueFormat: (v) => `${v} %`, yMax: 100 }));
  categoriesChart('range-categories', r.byCategory);
  hourChart('range-hours', r, 'By hour of the day (all days)', 540);
  hostsChart('range-hosts', r.hosts);
  feedbackChart('range-feedback', r.feedback);
  languagesChart('range-languages', r.byLanguage);
  document.body.dataset.rendered = `range:${branch.id}:${from}:${to}`;
}

async function renderCompare([from, to], id) {
  [from, to] = rangeDefaults(from, to, state.branches[0]);
  $('compare-from').value = from;
  $('compare-to').value = to;
  $('compare-csv').href = `/api/v1/stats/compare?from=${from}&to=${to}&format=csv`;
  const list = await api('GET', `/api/v1/stats/compare?from=${from}&to=${to}`);
  if (id !== state.renderId) return;
  $('compare-title').textContent = `Branches — ${longDate(from)} to ${longDate(to)}`;
  const labels = list.map((b) => b.branchName);
  const series = categorySeries((c) => list.map((b) => b.byCategory[c] || 0));
  const total = list.reduce((s, b) => s + b.total, 0);
  card('compare-requests', 'Requests per branch', total, 'requests', charts.stackedColumns({ labels, series, width: WIDE, label: 'Requests per branch' }), charts.legend(series));
  card('compare-target', 'Accepted within target', null, null, charts.groupedBars({
    groups: list.map((b) => ({ key: b.branch, label: b.branchName })),
    series: [{ key: 'share', label: 'Within target', cls: 'c-target', values: list.map((b) => (b.withinTargetShare === null ? null : Math.round(b.withinTargetShare * 100))) }],
    label: 'Share accepted within target per branch', valueFormat: (v) => `${v} %`, kind: 'percent',
  }));
  const waitSeries = [
    { key: 'median', label: 'Median', cls: 'c-median', values: list.map((b) => b.waitMedianS) },
    { key: 'p90', label: '90 %', cls: 'c-p90', values: list.map((b) => b.waitP90S) },
  ];
  card('compare-wait', 'Wait per branch', null, null, charts.groupedBars({ groups: list.map((b) => ({ key: b.branch, label: b.branchName })), series: waitSeries, label: 'Wait per branch', valueFormat: fmtDuration, kind: 'duration' }), charts.legend(waitSeries));
  const head = node('tr', {}, ...['Branch', 'Requests', 'Within target', 'Wait median', 'Wait 90 %', 'Helping median', 'Escalated', 'Nobody on duty', 'Cancelled', 'Expired', '😊 / 😐 / ☹️']
    .map((h) => node('th', { text: h })));
  const rows = list.map((b) => node('tr', { 'data-branch': b.branch },
    node('td', { text: b.branchName }), node('td', { class: 'num', text: b.total }), node('td', { class: 'num', text: fmtShare(b.withinTargetShare) }),
    node('td', { class: 'num', text: fmtDuration(b.waitMedianS) }), node('td', { class: 'num', text: fmtDuration(b.waitP90S) }),
    node('td', { class: 'num', text: fmtDuration(b.handlingMedianS) }), node('td', { class: 'num', text: b.escalated }),
    node('td', { class: 'num', text: b.unstaffed }), node('td', { class: 'num', text: b.cancelled }), node('td', { class: 'num', text: b.expired }),
    node('td', { class: 'num', text: `${b.feedback.happy} / ${b.feedback.neutral} / ${b.feedback.unhappy}` })));
  $('compare-table').replaceChildren(node('thead', {}, head), node('tbody', {}, ...rows));
  document.body.dataset.rendered = `compare:${from}:${to}`;
}

async function renderSummary([branchId, date], id) {
  const branch = branchOr(branchId);
  date = date || addDays(branch.today, -1);
  $('summary-branch').value = branch.id;
  $('summary-date').value = date;
  $('summary-status').textContent = '';
  const html = await api('GET', `/api/v1/stats/summary?branch=${encodeURIComponent(branch.id)}&date=${date}&format=html`);
  if (id !== state.renderId) return;
  // The fragment is rendered by the gateway from figures only and HTML-encoded there.
  $('summary-body').innerHTML = html;
  document.body.dataset.rendered = `summary:${branch.id}:${date}`;
}

async function sendSummary() {
  const branch = $('summary-branch').value;
  const date = $('summary-date').value;
  $('summary-status').textContent = 'Sending…';
  try {
    const r = await api('POST', `/api/v1/stats/summary/send?branch=${encodeURIComponent(branch)}&date=${date}`);
    const missing = r.managersWithoutEmail.length ? ` No address for: ${r.managersWithoutEmail.join(', ')}.` : '';
    $('summary-status').textContent = `Sent to ${r.recipients} manager(s).${missing}`;
  } catch (e) {
    $('summary-status').textContent = e.message;
  }
}

// ---------- fleet ----------

const STATUS_NAMES = { online: 'Online', silent: 'Silent', offline: 'Offline', 'never-seen': 'Never seen' };

async function renderFleet() {
  const branch = $('fleet-branch').value;
  const devices = await api('GET', `/api/v1/devices${branch ? `?branch=${encodeURIComponent(branch)}` : ''}`);
  const counts = { online: 0, silent: 0, offline: 0, 'never-seen': 0 };
  for (const d of devices) counts[d.status] = (counts[d.status] || 0) + 1;
  $('fleet-kpis').replaceChildren(...Object.entries(counts).map(([k, v]) =>
    node('div', { class: `kpi status-${k}` }, node('span', { class: 'kpi-label', text: STATUS_NAMES[k] }), node('strong', { class: 'kpi-value', 'data-testid': `fleet-count-${k}`, text: v }))));
  const rows = devices.map((d) => node('tr', { 'data-testid': `device-${d.id}`, 'data-status': d.status },
    node('td', { text: d.id }), node('td', { text: d.branch }), node('td', { text: d.kind === 'board' ? 'Ticket display' : 'Help point' }),
    node('td', {}, node('span', { class: `pill status-${d.status}`, 'data-testid': `status-${d.id}`, text: STATUS_NAMES[d.status] || d.status })),
    node('td', { text: ago(d.lastSeen), title: d.lastSeen || '' }),
    node('td', { text: d.firmware || '–' }),
    node('td', { class: 'num', text: d.rssi === null ? '–' : `${d.rssi} dBm` }),
    node('td', { class: 'num', text: d.freeHeap === null ? '–' : `${Math.round(d.freeHeap / 1024)} KiB` }),
    node('td', { class: 'num', text: d.queued === null ? '–' : d.queued }),
    node('td', { class: 'alert-cell', text: d.alert ? d.alert.message : '' })));
  $('fleet-table').tBodies[0].replaceChildren(...rows);
  $('fleet-updated').textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
  renderAlerts();
}

function startFleetPolling() {
  stopFleetPolling();
  state.fleetTimer = setInterval(() => { renderFleet().catch(() => {}); }, FLEET_REFRESH_MS);
}

function stopFleetPolling() {
  if (state.fleetTimer) clearInterval(state.fleetTimer);
  state.fleetTimer = null;
}

function renderAlerts() {
  const open = state.alerts.filter((a) => a.open);
  $('alert-count').textContent = String(open.length);
  $('alert-count').hidden = open.length === 0;
  $('alert-banner').hidden = open.length === 0;
  $('alert-banner').textContent = open.length ? `⚠ ${open[0].message}${open.length > 1 ? ` (+${open.length - 1} more)` : ''}` : '';
  $('alert-list').replaceChildren(...(state.alerts.length ? state.alerts.map((a) => node('li', { class: a.open ? 'open' : 'cleared', 'data-testid': `alert-${a.id}` },
    node('strong', { text: a.open ? 'Open' : 'Cleared' }), ` ${a.message} — raised ${new Date(a.raisedAt).toLocaleString('en-GB')}`,
    a.clearedAt ? `, cleared ${new Date(a.clearedAt).toLocaleString('en-GB')}` : '')) : [node('li', { class: 'muted', text: 'No alerts in the last 7 days.' })]));
}

function startLive() {
  stopLive();
  const source = new EventSource('/api/v1/alerts/stream');
  source.addEventListener('alerts', (e) => { state.alerts = JSON.parse(e.data); renderAlerts(); });
  const upsert = (e) => {
    const alert = JSON.parse(e.data);
    state.alerts = [alert, ...state.alerts.filter((a) => a.id !== alert.id)];
    renderAlerts();
    if (!$('view-fleet').hidden) renderFleet().catch(() => {});
  };
  source.addEventListener('alert', upsert);
  source.addEventListener('alert-cleared', upsert);
  state.alertSource = source;
}

function stopLive() {
  stopFleetPolling();
  if (state.alertSource) state.alertSource.close();
  state.alertSource = null;
}

// ---------- devices (admin) ----------

async function renderDevices() {
  const list = await api('GET', '/api/v1/admin/devices');
  const rows = list.map((d) => node('tr', { 'data-testid': `registration-${d.id}`, 'data-state': d.state },
    node('td', { text: d.id }), node('td', { text: d.branch }), node('td', { text: d.kind === 'board' ? 'Ticket display' : 'Help point' }),
    node('td', { text: d.state === 'revoked' ? `Revoked by ${d.revokedBy}` : d.online ? 'Active · online' : 'Active' }),
    node('td', { text: d.registeredAt ? `${new Date(d.registeredAt).toLocaleDateString('en-GB')} by ${d.registeredBy}` : '(demo)' }),
    node('td', { text: d.secretIssuedAt ? new Date(d.secretIssuedAt).toLocaleString('en-GB') : '–' }),
    node('td', { class: 'actions' }, ...(d.state === 'revoked' ? [] : [
      node('button', { type: 'button', 'data-rotate': d.id, 'data-testid': `rotate-${d.id}`, text: 'New secret' }),
      node('button', { type: 'button', class: 'danger', 'data-revoke': d.id, 'data-testid': `revoke-${d.id}`, text: 'Revoke' }),
    ]))));
  $('devices-table').tBodies[0].replaceChildren(...rows);
}

function showSecret(result) {
  state.lastSecret = result;
  $('secret-device').textContent = result.device.id;
  $('secret-value').textContent = result.secret;
  $('secret-box').hidden = false;
}

function downloadConfig() {
  if (!state.lastSecret) return;
  const blob = new Blob([JSON.stringify(state.lastSecret.config, null, 2) + '\n'], { type: 'application/json' });
  const a = node('a', { href: URL.createObjectURL(blob), download: 'config.json' });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function register(event) {
  event.preventDefault();
  $('reg-error').textContent = '';
  try {
    const result = await api('POST', '/api/v1/admin/devices', {
      id: $('reg-id').value.trim(), branch: $('reg-branch').value, kind: $('reg-kind').value,
      wifiSsid: $('reg-ssid').value || null, wifiPassword: $('reg-password').value || null,
    });
    $('reg-password').value = '';
    showSecret(result);
    await renderDevices();
  } catch (e) {
    $('reg-error').textContent = e.message;
  }
}

async function deviceAction(event) {
  const rotate = event.target.closest('[data-rotate]');
  const revoke = event.target.closest('[data-revoke]');
  $('reg-error').textContent = '';
  try {
    if (rotate && confirm(`Give ${rotate.dataset.rotate} a new secret? The old one stops working.`)) {
      showSecret(await api('POST', `/api/v1/admin/devices/${rotate.dataset.rotate}/rotate`));
      await renderDevices();
    } else if (revoke && confirm(`Revoke ${revoke.dataset.revoke}? It can no longer connect.`)) {
      await api('POST', `/api/v1/admin/devices/${revoke.dataset.revoke}/revoke`);
      $('secret-box').hidden = true;
      await renderDevices();
    }
  } catch (e) {
    $('reg-error').textContent = e.message;
  }
}

// ---------- wiring ----------

function wire() {
  $('login-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());

  const dayGo = () => go(`#day/${$('day-branch').value}/${$('day-date').value}`);
  $('day-branch').addEventListener('change', dayGo);
  $('day-date').addEventListener('change', dayGo);
  $('day-prev').addEventListener('click', () => { $('day-date').value = addDays($('day-date').value, -1); dayGo(); });
  $('day-next').addEventListener('click', () => { $('day-date').value = addDays($('day-date').value, 1); dayGo(); });

  const rangeGo = () => go(`#range/${$('range-branch').value}/${$('range-from').value}/${$('range-to').value}`);
  for (const id of ['range-branch', 'range-from', 'range-to']) $(id).addEventListener('change', rangeGo);
  for (const b of document.querySelectorAll('[data-preset]')) {
    b.addEventListener('click', () => {
      const today = branchOr($('range-branch').value).today;
      const p = b.dataset.preset;
      if (p === 'month') { $('range-from').value = `${today.slice(0, 8)}01`; $('range-to').value = today; }
      else if (p === 'last-month') {
        const last = addDays(`${today.slice(0, 8)}01`, -1);
        $('range-from').value = `${last.slice(0, 8)}01`; $('range-to').value = last;
      } else { $('range-to').value = today; $('range-from').value = addDays(today, 1 - Number(p)); }
      rangeGo();
    });
  }

  const compareGo = () => go(`#compare/${$('compare-from').value}/${$('compare-to').value}`);
  $('compare-from').addEventListener('change', compareGo);
  $('compare-to').addEventListener('change', compareGo);

  const summaryGo = () => go(`#summary/${$('summary-branch').value}/${$('summary-date').value}`);
  $('summary-branch').addEventListener('change', summaryGo);
  $('summary-date').addEventListener('change', summaryGo);
  $('summary-send').addEventListener('click', sendSummary);

  $('fleet-branch').addEventListener('change', () => renderFleet().catch((e) => { $('error').textContent = e.message; $('error').hidden = false; }));
  $('register-form').addEventListener('submit', register);
  $('devices-table').addEventListener('click', deviceAction);
  $('secret-download').addEventListener('click', downloadConfig);
}

wire();
start();
