import { describe, expect, it } from "vitest";
import { firstValue, pageLocale } from "./page-params";

describe("pageLocale", () => {
  it("gives a known locale back", async () => {
    await expect(pageLocale(Promise.resolve({ locale: "en" }))).resolves.toBe("en");
  });

  it("answers an unknown locale with Next's 404", async () => {
    await expect(pageLocale(Promise.resolve({ locale: "xx" }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});

describe("firstValue", () => {
  it("takes the first of a repeated query parameter, the value of a single one, undefined for none", () => {
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue("a")).toBe("a");
    expect(firstValue(undefined)).toBeUndefined();
  });
});
