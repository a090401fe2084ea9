// Prints a key and the hash @better-auth/api-key stores for it in apikey.key (its defaultKeyHasher):
// the fixture of backend/better-auth-jwt's ApiKeyCheckTest. Run: node scripts/api-key-fixture.mjs
import { defaultKeyHasher } from "@better-auth/api-key";

for (const key of ["tasks_FixtureKeyMadeForTheJavaTestsAbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", "ü-non-ascii"]) {
  console.log(key, await defaultKeyHasher(key));
}
