package dev.tasks.api.web;

import dev.tasks.api.problem.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, taken from {@code X-Request-Id} when a proxy or the frontend sent a
 * sane one, returned in the response and put in the logging context so all log lines of one
 * request can be found together. Runs first, so even a 401 or 429 carries it.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    /** Kept with the problem details, which carry the id in every error body. */
    static final String HEADER = RequestIds.HEADER;

    static final String MDC_KEY = RequestIds.MDC_KEY;
    /** Anything else is replaced: the id lands in log lines, so no control characters, no megabytes. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // On an error dispatch (Tomcat forwarding to /error) the id was already chosen.
        String id = response.getHeader(HEADER);
        if (id == null) {
            String given = request.getHeader(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : newId();
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: an id only has to be unique enough to
     * find a request's log lines, not unguessable, and {@code UUID.randomUUID()}'s SecureRandom reads
     * /dev/urandom under a lock (a system call every few requests on the hot path).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }
}
