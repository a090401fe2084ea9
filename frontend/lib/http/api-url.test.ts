import { describe, expect, it } from "vitest";
import { apiUrlFromEnv, DEFAULT_API_URL } from "./api-url";

describe("the API's address, read at run time", () => {
  it("API_URL first, then NEXT_PUBLIC_API_URL (compat), then the build's value, then the default", () => {
    expect(apiUrlFromEnv({})).toBe(DEFAULT_API_URL);
    expect(apiUrlFromEnv({ TASKS_BUILD_API_URL: "http://built:1" })).toBe("http://built:1");
    expect(apiUrlFromEnv({ NEXT_PUBLIC_API_URL: "http://old:2", TASKS_BUILD_API_URL: "http://built:1" })).toBe("http://old:2");
    expect(apiUrlFromEnv({ API_URL: "http://localhost:25001/", NEXT_PUBLIC_API_URL: "http://old:2" })).toBe(
      "http://localhost:25001",
    );
    expect(apiUrlFromEnv({ API_URL: "  ", NEXT_PUBLIC_API_URL: "" })).toBe(DEFAULT_API_URL);
  });
});
