import { memoryAdapter } from "better-auth/adapters/memory";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { authEnv, createAuth } from "./auth-config";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordLengthError } from "./auth-errors";
import { JWT_CLAIMS } from "./jwt-payload";
import { memoryTables } from "./test-auth";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

const ENV = env({
  BETTER_AUTH_URL: "http://localhost:3000/",
  BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
  NODE_ENV: "test",
});

describe("authEnv", () => {
  it("defaults to EdDSA, 15-minute tokens and the app's own origin", () => {
    const c = authEnv(env({}));
    expect(c.baseURL).toBe("http://localhost:3000");
    expect(c.jwtAlg).toBe("EdDSA");
    expect(c.jwtExpirationTime).toBe("15m");
    expect(c.trustedOrigins).toEqual(["http://localhost:3000"]);
  });

  it("adds TRUSTED_ORIGINS and refuses an unknown JWT_ALG", () => {
    expect(authEnv(env({ TRUSTED_ORIGINS: "https://a.example/, https://b.example" })).trustedOrigins).toEqual([
      "http://localhost:3000",
      "https://a.example",
      "https://b.example",
    ]);
    expect(() => authEnv(env({ JWT_ALG: "HS256" }))).toThrow(/JWT_ALG must be one of/);
  });
});

/** Signs up with the real Better Auth (in memory) and returns the JWT from GET /token and the JWKS. */
async function mintToken(env: NodeJS.ProcessEnv) {
  const db = memoryTables();
  const auth = createAuth(env, memoryAdapter(db));
  const signUp = await auth.api.signUpEmail({
    body: { email: "ada@example.com", password: "correct-horse-1", name: "Ada" },
    asResponse: true,
  });
  expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { token } = await auth.api.getToken({ headers: new Headers({ cookie }) });
  const jwks = await auth.api.getJwks();
  const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
  return { token, jwks, userId: (await signUp.json()).user.id as string, session: session!.session };
}

describe("tokens minted by this configuration (SPEC 1.2)", () => {
  it("are EdDSA by default, with iss and aud = BETTER_AUTH_URL, sub = user id, 15 minutes", async () => {
    const { token, jwks, userId } = await mintToken(ENV);
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe("EdDSA");
    expect(header.kid).toEqual(expect.any(String));
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", kid: header.kid })]);

    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never), {
      issuer: "http://localhost:3000",
      audience: "http://localhost:3000",
    });
    expect(payload.sub).toBe(userId);
    expect(payload.email).toBe("ada@example.com");
    expect(payload.aud).toBe("http://localhost:3000");
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it("follow JWT_ALG and JWT_EXPIRATION_TIME", async () => {
    const { token, jwks } = await mintToken({ ...ENV, JWT_ALG: "ES256", JWT_EXPIRATION_TIME: "30s" } as NodeJS.ProcessEnv);
    expect(decodeProtectedHeader(token).alg).toBe("ES256");
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256" });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never));
    expect(payload.exp! - payload.iat!).toBe(30);
  });
});

describe("the JWT names its session (SPEC 1.6, 2.1)", () => {
  it("carries sid = the Better Auth session id, and exactly the SPEC claims", async () => {
    const { token, jwks, userId, session } = await mintToken(ENV);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never));
    expect(payload.sid).toBe(session.id);
    expect(Object.keys(payload).sort()).toEqual([...JWT_CLAIMS].sort());
    expect(payload).toMatchObject({ sub: userId, email: "ada@example.com", name: "Ada" });
    expect(payload.iss).toBe("http://localhost:3000");
    expect(payload.aud).toBe("http://localhost:3000");
  });

  it("never carries the session token, the cookie credential", async () => {
    const { token, session } = await mintToken(ENV);
    expect(session.token).toEqual(expect.any(String));
    expect(session.token).not.toBe(session.id);
    const payloadJson = Buffer.from(token.split(".")[1], "base64url").toString("utf8");
    expect(payloadJson).not.toContain(session.token);
  });
});

describe("password length: one rule for the forms and for Better Auth", () => {
  const signUp = (password: string) =>
    createAuth(ENV, memoryAdapter(memoryTables())).api.signUpEmail({
      body: { email: "ada@example.com", password, name: "Ada" },
      asResponse: true,
    });

  it("Better Auth accepts exactly the lengths the forms accept", async () => {
    expect(newPasswordLengthError("x".repeat(MIN_PASSWORD_LENGTH))).toBeUndefined();
    expect((await signUp("x".repeat(MIN_PASSWORD_LENGTH))).status).toBe(200);
    expect(newPasswordLengthError("x".repeat(MAX_PASSWORD_LENGTH))).toBeUndefined();
    expect((await signUp("x".repeat(MAX_PASSWORD_LENGTH))).status).toBe(200);
  });

  it("Better Auth refuses exactly the lengths the forms refuse", async () => {
    expect(newPasswordLengthError("x".repeat(MIN_PASSWORD_LENGTH - 1))).toBeDefined();
    expect((await signUp("x".repeat(MIN_PASSWORD_LENGTH - 1))).status).toBe(400);
    expect(newPasswordLengthError("x".repeat(MAX_PASSWORD_LENGTH + 1))).toBeDefined();
    expect((await signUp("x".repeat(MAX_PASSWORD_LENGTH + 1))).status).toBe(400);
  });
});
