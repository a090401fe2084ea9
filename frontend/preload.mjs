// Loaded by `npm start` with `node --import ./preload.mjs` before Next.js: decides each request's
// client address from the socket and TRUSTED_PROXIES (lib/client-address.mjs). A bad
// TRUSTED_PROXIES stops start-up here, with the variable named.
import { installClientAddress } from "./lib/client-address.mjs";

installClientAddress();
