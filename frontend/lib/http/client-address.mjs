// Who is calling the web app: the socket's peer, or, when that peer is one of TRUSTED_PROXIES,
// the right-most X-Forwarded-For hop that is not a trusted proxy: the same rule as the Java API
// (backend/task-api …/web/ClientAddress.java). Anyone can write X-Forwarded-For; only the hops our
// own proxies appended are believed.
//
// Plain JavaScript because `preload.mjs` loads it with `node --import` before Next.js starts:
// Next.js keeps a client-sent X-Forwarded-For as it is and sets the header from the socket only
// when it is missing (next/dist/server/base-server.js, `??=`), and a route handler never sees the
// socket. So this rewrites the header, before Next.js reads the request, to the one address
// decided here; Better Auth then takes it for its rate limits and session records.
import diagnosticsChannel from "node:diagnostics_channel";
import net from "node:net";

/** TRUSTED_PROXIES: comma-separated addresses and CIDR ranges; a bad entry stops start-up. */
export function parseTrustedProxies(text = "") {
  const list = new net.BlockList();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = net.isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || rest.length > 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) || Number(prefix ?? 0) > bits) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { has: (address) => list.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6") };
}

/** The client's address, or null when even the socket's peer is not an address. */
export function clientAddress(peer, forwardedFor, trusted) {
  const socket = plainAddress(peer);
  if (!socket || !trusted.has(socket)) return socket;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(withoutPort(hops[i]));
    if (!hop) return client; // garbage: stop at the last hop we could read
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}

/** An IP literal without brackets; IPv4-mapped IPv6 ("::ffff:1.2.3.4") as IPv4. Never resolves names. */
function plainAddress(value) {
  if (typeof value !== "string") return null;
  const address = value.startsWith("[") && value.endsWith("]") ? value.slice(1, -1) : value;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && net.isIPv4(mapped[1])) return mapped[1];
  return net.isIP(address) ? address.toLowerCase() : null;
}

function withoutPort(hop) {
  if (hop.startsWith("[")) {
    const end = hop.indexOf("]");
    return end > 0 ? hop.slice(0, end + 1) : hop;
  }
  const colon = hop.indexOf(":");
  return colon > 0 && colon === hop.lastIndexOf(":") ? hop.slice(0, colon) : hop;
}

/**
 * Before Next.js sees a request, replaces its X-Forwarded-For with the decided client address
 * (Node publishes "http.server.request.start" before the server's "request" listeners run).
 */
export function installClientAddress(env = process.env) {
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => {
    const client = clientAddress(socket?.remoteAddress, request.headers["x-forwarded-for"], trusted);
    if (client) request.headers["x-forwarded-for"] = client;
    else delete request.headers["x-forwarded-for"];
  });
  globalThis[INSTALLED] = true;
}

const INSTALLED = Symbol.for("tasks.clientAddress.installed");

/** Whether this process decides client addresses (false under `next dev` or a bare `next start`). */
export function clientAddressInstalled() {
  return globalThis[INSTALLED] === true;
}
