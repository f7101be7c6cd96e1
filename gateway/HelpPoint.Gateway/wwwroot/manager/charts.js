// Hand-written SVG charts for the manager dashboard: no library, no CDN, no inline styles (the CSP forbids them). Colours come from
// CSS classes, so the same charts print in colour or, with the print style sheet, stay readable in black and white (values are
// written on the bars). Every bar carries data-key and data-value, so tests and screen readers can read the numbers back.

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(width, height, label) {
  const root = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart-svg', preserveAspectRatio: 'xMinYMin meet' });
  root.appendChild(el('title', {}, label));
  return root;
}

const DURATION_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 14400];

/**
 * A "nice" axis maximum and step for values up to max: whole numbers for counts (no "1.5 requests"), round minutes for durations.
 * kind: 'count' (default), 'duration' (seconds) or 'percent'.
 */
export function niceScale(max, kind = 'count', ticks = 4) {
  if (!(max > 0)) return { top: kind === 'duration' ? 60 : 1, step: kind === 'duration' ? 15 : 1 };
  const raw = max / ticks;
  let step;
  if (kind === 'duration') {
    step = DURATION_STEPS.find((s) => s >= raw) || Math.ceil(raw / 3600) * 3600;
  } else {
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
    if (kind === 'count') step = Math.max(1, Math.round(step));
  }
  return { top: Math.ceil(max / step) * step, step };
}

function gridlines(root, x0, x1, yOf, top, step, format) {
  for (let v = 0; v <= top + 1e-9; v += step) {
    const y = yOf(v);
    root.appendChild(el('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'grid' }));
    root.appendChild(el('text', { x: x0 - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, format(v)));
  }
}

/**
 * Vertical columns stacked by series: labels[i] under column i, series[j].values[i] its part.
 * series: [{ key, label, cls, values }]. Returns the SVG element.
 */
export function stackedColumns({ labels, series, label, width = 540, height = 260, valueFormat = String, showTotals = true }) {
  const left = 46, right = 10, top = 18, bottom = 34;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const { top: maxY, step } = niceScale(Math.max(...totals, 0));
  const plotH = height - top - bottom;
  const yOf = (v) => top + plotH - (v / maxY) * plotH;
  const root = svg(width, height, label);
  gridlines(root, left, width - right, yOf, maxY, step, valueFormat);
  const slot = (width - left - right) / Math.max(1, labels.length);
  const barW = Math.max(6, Math.min(40, slot * 0.7));
  labels.forEach((name, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let base = 0;
    const column = el('g', { class: 'column', 'data-label': name, 'data-total': totals[i] });
    for (const s of series) {
      const v = s.values[i] || 0;
      if (v > 0) {
        const y = yOf(base + v);
        const rect = el('rect', { x, y, width: barW, height: yOf(base) - y, class: `bar ${s.cls || ''}`, 'data-key': s.key, 'data-value': v });
        rect.appendChild(el('title', {}, `${name} · ${s.label}: ${valueFormat(v)}`));
        column.appendChild(rect);
        base += v;
      }
    }
    if (showTotals && totals[i] > 0) {
      column.appendChild(el('text', { x: x + barW / 2, y: yOf(totals[i]) - 4, class: 'value', 'text-anchor': 'middle' }, valueFormat(totals[i])));
    }
    root.appendChild(column);
    if (i % Math.ceil(labels.length / Math.max(4, Math.floor(width / 48))) === 0) {
      root.appendChild(el('text', { x: x + barW / 2, y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle' }, name));
    }
  });
  return root;
}

/** Horizontal bars, one per item: [{ key, label, value, cls, note }]. */
export function horizontalBars({ items, label, valueFormat = String, labelWidth = 130, width = 540 }) {
  const rowH = 26, top = 6;
  // Room on the right for the longest value text, so a note never runs out of the picture.
  const right = 16 + 7 * Math.max(3, ...items.map((i) => (valueFormat(i.value) + (i.note ? ` · ${i.note}` : '')).length));
  const height = Math.max(1, items.length) * rowH + top * 2;
  const root = svg(width, height, label);
  const max = Math.max(...items.map((i) => i.value), 0) || 1;
  const plotW = width - labelWidth - right;
  items.forEach((item, n) => {
    const y = top + n * rowH;
    const w = (item.value / max) * plotW;
    const g = el('g', { class: 'row' });
    g.appendChild(el('text', { x: labelWidth - 8, y: y + 17, class: 'label', 'text-anchor': 'end' }, item.label));
    const rect = el('rect', { x: labelWidth, y: y + 4, width: Math.max(item.value > 0 ? 2 : 0, w), height: rowH - 8, class: `bar ${item.cls || ''}`, 'data-key': item.key, 'data-value': item.value });
    rect.appendChild(el('title', {}, `${item.label}: ${valueFormat(item.value)}${item.note ? ` (${item.note})` : ''}`));
    g.appendChild(rect);
    g.appendChild(el('text', { x: labelWidth + w + 6, y: y + 17, class: 'value' }, valueFormat(item.value) + (item.note ? ` · ${item.note}` : '')));
    root.appendChild(g);
  });
  if (items.length === 0) {
    root.appendChild(el('text', { x: 10, y: 20, class: 'axis' }, 'No data'));
  }
  return root;
}

/** One stacked horizontal bar of parts (e.g. feedback happy/neutral/unhappy): [{ key, label, value, cls }]. */
export function shareBar({ parts, label }) {
  const width = 520, height = 64, x0 = 10, x1 = width - 10;
  const root = svg(width, height, label);
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = x0;
  for (const p of parts) {
    const w = total > 0 ? (p.value / total) * (x1 - x0) : 0;
    const rect = el('rect', { x, y: 8, width: w, height: 28, class: `bar ${p.cls || ''}`, 'data-key': p.key, 'data-value': p.value });
    rect.appendChild(el('title', {}, `${p.label}: ${p.value}`));
    root.appendChild(rect);
    if (w > 40) root.appendChild(el('text', { x: x + w / 2, y: 27, class: 'value inverse', 'text-anchor': 'middle' }, String(p.value)));
    x += w;
  }
  let lx = x0;
  for (const p of parts) {
    root.appendChild(el('rect', { x: lx, y: 46, width: 10, height: 10, class: `swatch ${p.cls || ''}` }));
    const text = el('text', { x: lx + 14, y: 55, class: 'axis' }, `${p.label} ${p.value}`);
    root.appendChild(text);
    lx += 22 + `${p.label} ${p.value}`.length * 7;
  }
  if (total === 0) root.appendChild(el('text', { x: x0, y: 27, class: 'axis' }, 'No data'));
  return root;
}

/** Lines over days: labels on x, series [{ key, label, cls, values (null = no value) }]. */
export function lineChart({ labels, series, label, width = 540, height = 240, valueFormat = String, yMax, kind = 'count' }) {
  const left = 70, right = 18, top = 16, bottom = 34;
  const all = series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined));
  const { top: maxY, step } = yMax ? { top: yMax, step: yMax / 4 } : niceScale(Math.max(...all, 0), kind);
  const plotH = height - top - bottom;
  const yOf = (v) => top + plotH - (v / maxY) * plotH;
  const slot = labels.length > 1 ? (width - left - right) / (labels.length - 1) : 0;
  const xOf = (i) => left + (labels.length > 1 ? i * slot : (width - left - right) / 2);
  const root = svg(width, height, label);
  gridlines(root, left, width - right, yOf, maxY, step, valueFormat);
  for (const s of series) {
    let path = '';
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      path += `${path && s.values[i - 1] !== null && s.values[i - 1] !== undefined ? 'L' : 'M'}${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`;
    });
    const g = el('g', { class: `series ${s.cls || ''}`, 'data-key': s.key });
    g.appendChild(el('path', { d: path, class: 'line' }));
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const dot = el('circle', { cx: xOf(i), cy: yOf(v), r: 3, class: 'dot', 'data-key': s.key, 'data-label': labels[i], 'data-value': v });
      dot.appendChild(el('title', {}, `${labels[i]} · ${s.label}: ${valueFormat(v)}`));
      g.appendChild(dot);
    });
    root.appendChild(g);
  }
  const every = Math.ceil(labels.length / Math.max(4, Math.floor(width / 64)));
  labels.forEach((name, i) => {
    if (i % every === 0) root.appendChild(el('text', { x: xOf(i), y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle' }, name));
  });
  return root;
}

/** Groups of bars side by side: groups [{ label }], series [{ key, label, cls, values[groupIndex] }]. */
export function groupedBars({ groups, series, label, width = 540, height = 240, valueFormat = String, kind = 'count' }) {
  const left = 70, right = 10, top = 18, bottom = 34;
  const all = series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined));
  const { top: maxY, step } = kind === 'percent' ? { top: 100, step: 25 } : niceScale(Math.max(...all, 0), kind);
  const plotH = height - top - bottom;
  const yOf = (v) => top + plotH - (v / maxY) * plotH;
  const root = svg(width, height, label);
  gridlines(root, left, width - right, yOf, maxY, step, valueFormat);
  const slot = (width - left - right) / groups.length;
  const barW = Math.min(36, (slot * 0.8) / series.length);
  groups.forEach((g, gi) => {
    const start = left + gi * slot + (slot - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = s.values[gi];
      const x = start + si * barW;
      if (v === null || v === undefined) {
        root.appendChild(el('text', { x: x + barW / 2, y: yOf(0) - 4, class: 'axis', 'text-anchor': 'middle' }, '–'));
        return;
      }
      const y = yOf(v);
      const rect = el('rect', { x: x + 1, y, width: barW - 2, height: yOf(0) - y, class: `bar ${s.cls || ''}`, 'data-key': `${g.key || g.label}:${s.key}`, 'data-value': v });
      rect.appendChild(el('title', {}, `${g.label} · ${s.label}: ${valueFormat(v)}`));
      root.appendChild(rect);
      root.appendChild(el('text', { x: x + barW / 2, y: y - 4, class: 'value small', 'text-anchor': 'middle' }, valueFormat(v)));
    });
    root.appendChild(el('text', { x: left + gi * slot + slot / 2, y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle' }, g.label));
  });
  return root;
}

/** A legend of series as HTML (wraps and prints better than SVG text). */
export function legend(series) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  for (const s of series) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `swatch ${s.cls || ''}`;
    li.append(sw, document.createTextNode(s.label));
    ul.appendChild(li);
  }
  return ul;
}
