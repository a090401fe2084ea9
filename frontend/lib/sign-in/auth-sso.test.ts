import { describe, expect, it } from "vitest";
import { ssoEnv, ssoErrorMessage, ssoOptions, ssoProviders } from "./auth-sso";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const OIDC = { OIDC_ISSUER: "https://login.example.com/", OIDC_CLIENT_ID: "tasks", OIDC_CLIENT_SECRET: "s3cret" };

describe("single sign-on providers come from the environment", () => {
  it("no variables: no provider, no button, no generic OAuth plugin", () => {
    const config = ssoEnv(env({}));
    expect(config).toEqual({ oidc: null, github: null, google: null });
    expect(ssoProviders(config)).toEqual([]);
    const options = ssoOptions(config);
    expect(options.plugins).toEqual([]);
    expect(options.socialProviders).toEqual({});
  });

  it("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET turn on provider id 'oidc', labelled 'SSO' by default", () => {
    const config = ssoEnv(env(OIDC));
    expect(config.oidc).toEqual({ issuer: "https://login.example.com", clientId: "tasks", clientSecret: "s3cret", name: "SSO" });
    expect(ssoProviders(config)).toEqual([{ id: "oidc", label: "SSO" }]);
    const [plugin] = ssoOptions(config).plugins;
    expect(plugin.id).toBe("generic-oauth");
    const [provider] = (plugin.options as { config: Record<string, unknown>[] }).config;
    expect(provider).toMatchObject({
      providerId: "oidc",
      discoveryUrl: "https://login.example.com/.well-known/openid-configuration",
      pkce: true,
      requireIdTokenVerification: true,
    });
  });

  it("OIDC_NAME is the button label", () => {
    expect(ssoProviders(ssoEnv(env({ ...OIDC, OIDC_NAME: "Acme login" })))).toEqual([{ id: "oidc", label: "Acme login" }]);
  });

  it("only some OIDC variables set: refuses to start, naming the missing ones", () => {
    expect(() => ssoEnv(env({ OIDC_ISSUER: "https://login.example.com" }))).toThrow(
      /OIDC_ISSUER is set but OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are not/,
    );
    expect(() => ssoEnv(env({ OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }))).toThrow(/OIDC_ISSUER is not/);
  });

  it("an OIDC_ISSUER that is not a URL is refused", () => {
    expect(() => ssoEnv(env({ ...OIDC, OIDC_ISSUER: "login.example.com" }))).toThrow(/OIDC_ISSUER must be a URL/);
  });

  it("GitHub and Google need both their id and secret", () => {
    const config = ssoEnv(
      env({ GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "ghs", GOOGLE_CLIENT_ID: "go", GOOGLE_CLIENT_SECRET: "gos" }),
    );
    expect(ssoProviders(config).map((p) => p.id)).toEqual(["github", "google"]);
    expect(ssoOptions(config).socialProviders).toEqual({
      github: { clientId: "gh", clientSecret: "ghs", requireEmailVerification: false },
      google: { clientId: "go", clientSecret: "gos", requireEmailVerification: false },
    });
    expect(() => ssoEnv(env({ GITHUB_CLIENT_ID: "gh" }))).toThrow(/GITHUB_CLIENT_SECRET is not/);
    expect(() => ssoEnv(env({ GOOGLE_CLIENT_SECRET: "gos" }))).toThrow(/GOOGLE_CLIENT_ID is not/);
  });

  it("REQUIRE_EMAIL_VERIFICATION gates every provider's unconfirmed sign-ins (Better Auth's requireEmailVerification)", () => {
    const config = ssoEnv(env({ ...OIDC, GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "ghs" }));
    const options = ssoOptions(config, true);
    expect(options.socialProviders.github).toMatchObject({ requireEmailVerification: true });
    const [provider] = (options.plugins[0].options as { config: Record<string, unknown>[] }).config;
    expect(provider).toMatchObject({ requireEmailVerification: true });
    expect(ssoErrorMessage("email_not_verified")).toMatch(/Confirm your email address first/);
  });

  it("blank values count as unset", () => {
    expect(ssoEnv(env({ GITHUB_CLIENT_ID: " ", GITHUB_CLIENT_SECRET: "" })).github).toBeNull();
  });

  it("account linking needs a verified email on both sides and trusts no provider blindly", () => {
    expect(ssoOptions(ssoEnv(env({}))).account.accountLinking).toEqual({
      enabled: true,
      trustedProviders: [],
      requireLocalEmailVerified: true,
      allowDifferentEmails: false,
    });
  });
});

describe("a failed provider sign-in comes back to our page with a sentence", () => {
  it("an unverified local account refused for linking says what to do", () => {
    expect(ssoErrorMessage("account_not_linked")).toMatch(/Verify your email first, or sign in with your password and link/);
  });

  it("no error, no message; unknown errors get a general one", () => {
    expect(ssoErrorMessage(undefined)).toBeNull();
    expect(ssoErrorMessage("something_new")).toMatch(/didn't work/);
  });
});
