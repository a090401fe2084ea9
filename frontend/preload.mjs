// Loaded by `npm start` with `node --import ./preload.mjs` before Next.js reads any request:
// - decides each request's client address from the socket and TRUSTED_PROXIES
//   (lib/http/client-address.mjs); a bad TRUSTED_PROXIES stops start-up with one line naming it;
// - sends request targets Next.js cannot decode to its 404 page (lib/http/request-target.mjs).
import { installClientAddress } from "./lib/http/client-address.mjs";
import { installRequestTargetGuard } from "./lib/http/request-target.mjs";

try {
  installClientAddress();
} catch (err) {
  console.error(`web app: ${err instanceof Error ? err.message : err}`);
  process.exit(2);
}
installRequestTargetGuard();
