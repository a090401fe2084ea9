import { describe, expect, it } from "vitest";
import { decodeJwtPayload } from "./jwt";
import { fakeJwt } from "./test-tokens";

describe("decodeJwtPayload", () => {
  it("reads base64url claims, including non-ASCII text", () => {
    const token = fakeJwt({ sub: "u1", name: "Zoë 😀", exp: 123 });
    expect(decodeJwtPayload(token)).toEqual({ sub: "u1", name: "Zoë 😀", exp: 123 });
  });

  it("returns null for anything that is not a JWT with a JSON object payload", () => {
    expect(decodeJwtPayload("")).toBeNull();
    expect(decodeJwtPayload("abc")).toBeNull();
    expect(decodeJwtPayload("a.!!!.c")).toBeNull();
    expect(decodeJwtPayload(`a.${Buffer.from("[1]").toString("base64url")}.c`)).toBeNull();
  });
});
