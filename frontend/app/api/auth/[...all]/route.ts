import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { withAuthResponseHeaders } from "@/lib/auth/auth-responses";
import { withoutSessionTokens } from "@/lib/auth/hide-session-token";

const handlers = toNextJsHandler(auth);
// Cache-Control/Retry-After on every answer, and no session token in any JSON a page script can read.
const wrap = (handler: (request: Request) => Promise<Response>) => withAuthResponseHeaders(withoutSessionTokens(handler));

export const GET = wrap(handlers.GET);
export const POST = wrap(handlers.POST);
export const PATCH = wrap(handlers.PATCH);
export const PUT = wrap(handlers.PUT);
export const DELETE = wrap(handlers.DELETE);
