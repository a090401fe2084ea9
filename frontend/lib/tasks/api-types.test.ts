import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES, generateApiTypes } from "../../scripts/api-types";

// The other half of the drift check: task-api's OpenApiDocumentTest fails when openapi.json is not
// the API's current document; this fails when api-types.ts is not what that document generates.
describe("generated API types", () => {
  it("are what lib/tasks/openapi.json generates (run `npm run api-types` after the API changes)", async () => {
    expect(readFileSync(API_TYPES, "utf8")).toBe(await generateApiTypes());
  });
});
