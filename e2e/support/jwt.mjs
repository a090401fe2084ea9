// Just enough JWT handling to look inside a token and to tamper with one.
export function decodeJwt(token) {
  const [header, payload] = token.split(".");
  return { header: fromB64url(header), payload: fromB64url(payload) };
}

function fromB64url(part) {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
}

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");

/** Same header and signature, payload changed: the signature no longer matches. */
export function withPayload(token, changes) {
  const [header, payload, signature] = token.split(".");
  return [header, b64url({ ...fromB64url(payload), ...changes }), signature].join(".");
}

/** Same header and payload, one bit of the signature flipped. */
export function withFlippedSignatureBit(token) {
  const [header, payload, signature] = token.split(".");
  const bytes = Buffer.from(signature, "base64url");
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  return [header, payload, bytes.toString("base64url")].join(".");
}

export const looksLikeJwt = (s) => /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(s);
