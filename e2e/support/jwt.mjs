// Just enough JWT handling to look inside a token, to tamper with one, and to mint one where no
// Better Auth is running (the fault tests). Node built-ins only.
import crypto from "node:crypto";

export function decodeJwt(token) {
  const [header, payload] = token.split(".");
  return { header: fromB64url(header), payload: fromB64url(payload) };
}

function fromB64url(part) {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
}

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");

/**
 * Mints tokens shaped like Better Auth's for `issuer` (their iss and aud), valid an hour; each
 * call's `overrides` replace or add claims. HS256 with a secret, the API's compatibility mode
 * (BETTER_AUTH_HS256_SECRET); EdDSA with a fresh Ed25519 key, as Better Auth's jwt plugin makes them by default.
 */
export function tokenMinter(issuer) {
  const claims = (userId, overrides) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: userId,
      email: `${userId}@example.com`,
      name: userId,
      iat: now,
      exp: now + 3600,
      iss: issuer,
      aud: issuer,
      ...overrides,
    };
  };
  return {
    hs256Token(secret, userId, overrides = {}) {
      const signingInput = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(claims(userId, overrides))}`;
      return `${signingInput}.${crypto.createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
    },
    /** A key pair and its JWKS entry (`jwk`); `sign(userId, overrides)` mints with it. */
    ed25519Key(kid = crypto.randomBytes(12).toString("base64url")) {
      const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
      return {
        kid,
        jwk: { ...publicKey.export({ format: "jwk" }), alg: "EdDSA", kid },
        sign(userId, overrides = {}) {
          const signingInput = `${b64url({ alg: "EdDSA", kid })}.${b64url(claims(userId, overrides))}`;
          return `${signingInput}.${crypto.sign(null, Buffer.from(signingInput), privateKey).toString("base64url")}`;
        },
      };
    },
  };
}

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
