// Test oracle for the gateway's Web Push: independent implementations (Node's crypto, http_ece, web-push) that the .NET
// tests call as a child process. Reads one JSON command on stdin, writes one JSON answer on stdout.
'use strict';
const crypto = require('crypto');
const ece = require('http_ece');
const webpush = require('web-push');

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const unb64u = (s) => Buffer.from(s, 'base64url');

// A browser's side of a push subscription: a P-256 key pair and a 16-byte auth secret.
function subscriber() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: b64u(ecdh.getPublicKey()), privateKey: b64u(ecdh.getPrivateKey()), auth: b64u(crypto.randomBytes(16)) };
}

// RFC 8291 decryption by http_ece, as a browser does it.
function decrypt({ body, privateKey, auth }) {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(unb64u(privateKey));
  const plain = ece.decrypt(Buffer.from(body, 'base64'), { version: 'aes128gcm', privateKey: ecdh, authSecret: b64u(unb64u(auth)) });
  return { plaintext: plain.toString('utf8') };
}

// RFC 8292: "vapid t=<JWT>, k=<public key>", checked the way a push service checks it.
function verifyVapid({ authorization, endpoint, publicKey }) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!m) { return { ok: false, why: 'not a vapid header' }; }
  const [, jwt, k] = m;
  if (k !== publicKey) { return { ok: false, why: 'k is not the configured public key' }; }
  const [h, c, s] = jwt.split('.');
  const header = JSON.parse(unb64u(h).toString('utf8'));
  const claims = JSON.parse(unb64u(c).toString('utf8'));
  const pub = unb64u(k);
  const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33, 65)) }, format: 'jwk' });
  const ok = crypto.verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, unb64u(s));
  const aud = new URL(endpoint).origin;
  const now = Math.floor(Date.now() / 1000);
  const why = !ok ? 'bad signature'
    : header.alg !== 'ES256' ? 'alg is not ES256'
    : claims.aud !== aud ? `aud ${claims.aud} is not ${aud}`
    : !(claims.exp > now && claims.exp <= now + 24 * 3600) ? 'exp not within 24 h'
    : !/^(mailto:|https:)/.test(claims.sub || '') ? 'sub is not a mailto: or https: URL'
    : null;
  return { ok: why === null, why, header, claims };
}

const commands = {
  subscriber,
  decrypt,
  verifyVapid,
  vapidKeys: () => webpush.generateVAPIDKeys(),
};

let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  try {
    const { command, args } = JSON.parse(input);
    process.stdout.write(JSON.stringify(commands[command](args || {})));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }));
    process.exitCode = 1;
  }
});
