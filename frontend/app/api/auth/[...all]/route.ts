import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { withAuthResponseHeaders } from "@/lib/auth-responses";

const handlers = toNextJsHandler(auth);

export const GET = withAuthResponseHeaders(handlers.GET);
export const POST = withAuthResponseHeaders(handlers.POST);
export const PATCH = withAuthResponseHeaders(handlers.PATCH);
export const PUT = withAuthResponseHeaders(handlers.PUT);
export const DELETE = withAuthResponseHeaders(handlers.DELETE);
