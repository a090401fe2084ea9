/** Unsigned JWT-shaped strings for tests: only the claims matter to the browser code. */
export function fakeJwt(claims: Record<string, unknown>, label = "sig"): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${enc({ alg: "EdDSA", kid: "k1" })}.${enc(claims)}.${label}`;
}
