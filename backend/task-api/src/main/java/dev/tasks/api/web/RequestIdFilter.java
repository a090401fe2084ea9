package dev.tasks.api.web;

import dev.tasks.api.problem.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
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
            id = given != null && SANE.matcher(given).matches()
                    ? given
                    : UUID.randomUUID().toString();
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
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
