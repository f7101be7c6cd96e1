// HelpPoint service worker: keeps the app shell available offline, and shows offers as system notifications (Web Push)
// when the app is not on screen, with an Accept button that takes the request without opening the app.
'use strict';

const SHELL_CACHE = 'helppoint-shell-v1';
const SHELL = [
  '/', '/index.html', '/app.js', '/app.css', '/manifest.webmanifest',
  '/i18n/index.json', '/i18n/sv.json', '/i18n/en.json',
  '/icons/app.svg', '/icons/icon-192.png', '/icons/badge-96.png',
  '/icons/categories/bankid.svg', '/icons/categories/swish.svg', '/icons/categories/print.svg', '/icons/categories/email.svg',
  '/icons/categories/phone.svg', '/icons/categories/forms.svg', '/icons/categories/other.svg',
];
const NETWORK_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL_CACHE) { await caches.delete(name); }
    }
    await self.clients.claim();
  })());
});

// The shell: network first (so an update shows at once), the cached copy when the network is away or slow.
// The API is never cached: live data comes from the gateway or not at all. The manager app (/manager/) is left alone.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')
      || url.pathname.startsWith('/manager/')) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(SHELL_CACHE);
    try {
      const response = await withTimeout(fetch(event.request), NETWORK_WAIT_MS);
      if (response.ok) { cache.put(event.request, response.clone()); }
      return response;
    } catch {
      const cached = await cache.match(event.request, { ignoreSearch: true })
        || (event.request.mode === 'navigate' ? await cache.match('/index.html') : undefined);
      return cached || Response.error();
    }
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { kind: 'message', title: 'HelpPoint', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(onPush(data));
});

async function onPush(data) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const w of windows) { w.postMessage({ type: 'push', data }); }
  // The open app on screen rings by itself (it has the same news over its live connection).
  if (windows.some((w) => w.visibilityState === 'visible' && w.focused)) { return; }

  const request = data.request || null;
  const tag = data.tag || 'helppoint';
  if (data.kind === 'offer-withdrawn') {
    // Replace the offer's notification quietly rather than leave a stale Accept button behind.
    await self.registration.showNotification(data.title || 'HelpPoint', {
      body: data.body || '', tag, renotify: false, silent: true, icon: '/icons/icon-192.png', badge: '/icons/badge-96.png',
      data: { kind: data.kind, requestId: request && request.id },
    });
    return;
  }

  const offer = data.kind === 'offer';
  await self.registration.showNotification(data.title || 'HelpPoint', {
    body: data.body || '',
    tag,
    renotify: true,
    requireInteraction: Boolean(data.urgent),
    vibrate: data.urgent ? [300, 120, 300, 120, 300] : [200],
    icon: request ? `/icons/categories/${request.category}.svg` : '/icons/icon-192.png',
    badge: '/icons/badge-96.png',
    timestamp: Date.now(),
    actions: offer && request ? [{ action: 'accept', title: data.acceptLabel || 'Accept' }] : [],
    data: { kind: data.kind, requestId: request && request.id, ticket: request && request.ticket },
  });
}

self.addEventListener('notificationclick', (event) => {
  const note = event.notification;
  const data = note.data || {};
  note.close();
  event.waitUntil((async () => {
    let result = null;
    if (event.action === 'accept' && data.requestId) {
      try {
        const response = await fetch(`/api/v1/requests/${encodeURIComponent(data.requestId)}/accept`, {
          method: 'POST', credentials: 'same-origin', headers: { 'X-HelpPoint-Request': '1' },
        });
        result = response.ok ? 'accepted' : `refused-${response.status}`;
      } catch {
        result = 'offline';
      }
    }
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const message = { type: 'notification-click', action: event.action || 'open', requestId: data.requestId, ticket: data.ticket, result };
    if (windows.length > 0) {
      windows[0].postMessage(message);
      return windows[0].focus();
    }
    const hash = result ? `#${result}=${encodeURIComponent(data.requestId)}` : '';
    return self.clients.openWindow('/' + hash);
  })());
});

// The push service rotated the subscription: tell the gateway the new one.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil((async () => {
    const key = await (await fetch('/api/v1/push/key', { credentials: 'same-origin' })).json();
    const subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key.publicKey });
    await fetch('/api/v1/me/push-subscription', {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'X-HelpPoint-Request': '1' },
      body: JSON.stringify(subscription),
    });
  })());
});
