package dev.tasks.api.problem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;

/**
 * Jetty refuses some requests before any servlet sees them (headers over the size limit, a
 * request line or header it cannot parse) and answers with its own HTML, JSON or text page. This
 * server-level error handler gives those the same problem+json shape as every other error, and the
 * same security headers; like the page it replaces, it never shows an exception or Jetty's reason.
 * Errors inside the web application go to Spring's /error instead (ProblemErrorController).
 */
public final class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 || status == 431
                ? "The request is malformed (its URL or headers could not be read)."
                : title + ".";
        String requestId = withSecurityHeaders(response.getHeaders());
        String json = "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"request_id\":\"" + requestId + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * No filter ran for these requests, so none of the headers the security chain and
     * web.RequestIdFilter give every other response: the same ones here, and a fresh request id
     * (the request's own cannot be trusted: its headers may be what Jetty refused).
     */
    private static String withSecurityHeaders(HttpFields.Mutable headers) {
        String requestId = headers.get(RequestIds.HEADER);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            headers.put(RequestIds.HEADER, requestId);
        }
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("Pragma", "no-cache");
        headers.put("Expires", "0");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        return requestId;
    }
}
