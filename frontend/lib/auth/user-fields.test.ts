import { describe, expect, it } from "vitest";
import { memoryAuth } from "./test-auth";
import { checkName, codePoints, EMAIL_MAX_CHARS, NAME_MAX_CHARS } from "./user-limits";

const PASSWORD = "correct-horse-1";
// Four UTF-8 bytes each: the largest a name of NAME_MAX_CHARS characters can be.
const LONGEST_NAME = "😀".repeat(NAME_MAX_CHARS);

function system() {
  const { auth, db } = memoryAuth();
  const post = (path: string, body: unknown, cookie = "") =>
    auth.handler(
      new Request(`http://localhost:3000/api/auth${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "http://localhost:3000", cookie },
        body: JSON.stringify(body),
      }),
    );
  const signUp = (name: string, email = "ada@example.com") => post("/sign-up/email", { email, password: PASSWORD, name });
  return { db, auth, post, signUp };
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("checkName", () => {
  it("counts code points, trims, and refuses control characters", () => {
    expect(codePoints(LONGEST_NAME)).toBe(100);
    expect(checkName(`  ${LONGEST_NAME}  `)).toEqual({ value: LONGEST_NAME });
    expect(checkName(`${LONGEST_NAME}a`)).toMatchObject({ problem: { code: "NAME_TOO_LONG" } });
    for (const bad of ["Ada\nLovelace", "Ada\u0000", "Ada\u001b[31m", "Ada\u0085", "Ada\u2028Lovelace"]) {
      expect(checkName(bad)).toMatchObject({ problem: { code: "NAME_HAS_CONTROL_CHARACTERS" } });
    }
  });
});

describe("user field limits, through Better Auth's HTTP handler", () => {
  it("sign-up refuses a name over 100 characters with a 400 and a sentence, and creates nobody", async () => {
    const { db, signUp } = system();
    const res = await signUp("a".repeat(200_000));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "NAME_TOO_LONG", message: "Names can have at most 100 characters." });
    expect(db.user).toEqual([]);
  });

  it("sign-up refuses control characters and an email over 254 characters", async () => {
    const { signUp } = system();
    expect(await (await signUp("Ada\r\nBcc: x")).json()).toMatchObject({ code: "NAME_HAS_CONTROL_CHARACTERS" });
    const longEmail = `${"a".repeat(64)}@${"b".repeat(EMAIL_MAX_CHARS - 64 - 5)}x.com`;
    const res = await signUp("Ada", longEmail);
    expect(res.status).toBe(400);
    expect((await res.json()).code).toMatch(/EMAIL_TOO_LONG|INVALID_EMAIL/);
  });

  it("sign-up stores the name trimmed", async () => {
    const { db, signUp } = system();
    expect((await signUp("  Ada Lovelace  ")).status).toBe(200);
    expect((db.user[0] as { name: string }).name).toBe("Ada Lovelace");
  });

  it("update-user refuses a long name the same way and keeps the old one", async () => {
    const { db, signUp, post } = system();
    const cookie = cookieOf(await signUp("Ada"));
    const res = await post("/update-user", { name: "x".repeat(101) }, cookie);
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("NAME_TOO_LONG");
    expect((db.user[0] as { name: string }).name).toBe("Ada");
    expect((await post("/update-user", { image: `https://img.example/${"x".repeat(2100)}` }, cookie)).status).toBe(400);
  });

  it("a maximum-length name of four-byte characters keeps the JWT far below the API's 8 KiB", async () => {
    const { auth, signUp } = system();
    const cookie = cookieOf(await signUp(LONGEST_NAME, `${"a".repeat(60)}@example.com`));
    const { token } = await auth.api.getToken({ headers: new Headers({ cookie }) });
    const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
    expect(payload.name).toBe(LONGEST_NAME);
    expect(token.length).toBeLessThan(8 * 1024);
  });
});
