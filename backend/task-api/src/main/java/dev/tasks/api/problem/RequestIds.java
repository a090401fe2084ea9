package dev.tasks.api.problem;

/**
 * The names under which a request's id travels: a response header, and the logging context (MDC)
 * that the problem details read it from. web/RequestIdFilter sets both.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private RequestIds() {}
}
