package dev.tasks.api.idempotency;

import dev.tasks.api.database.DatabaseFailures;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.problem.BodyTooLargeException;
import dev.tasks.api.problem.ProblemDetailsAdvice;
import dev.tasks.api.problem.Problems;
import dev.tasks.api.web.RequestPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the API's writes: a request sent again with the key of one that was
 * carried out gets that answer again, and nothing is written twice. The web app sends one with
 * each create, which its outbox retries when the answer was lost. Runs after the security chain
 * (so the user is known and the body is already size-limited); without the header a request passes
 * untouched.
 */
final class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** Says that an answer is a replay, so a client or a log can tell. */
    static final String REPLAYED = "Idempotent-Replayed";

    static final int MAX_KEY_LENGTH = 100;
    /** Answers larger than this are not kept (a task is a few KiB): the key is given back instead. */
    static final int MAX_KEPT_BODY = 64 * 1024;

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotentRequests requests;
    private final Problems problems;

    IdempotencyKeyFilter(IdempotentRequests requests, Problems problems) {
        this.requests = requests;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod())
                || request.getHeader(HEADER) == null
                || !RequestPath.of(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A token or an API key (a script retrying a create wants this most): the user either way.
        if (!Ownership.isBetterAuthUser(authentication)) {
            chain.doFilter(request, response); // the security chain has answered already
            return;
        }
        String key = request.getHeader(HEADER);
        if (!validKey(key)) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            HEADER + " must be 1–" + MAX_KEY_LENGTH
                                    + " visible ASCII characters (a UUID is a good choice)."));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, BodyTooLargeException.DETAIL));
            return;
        }
        String userId = authentication.getName();
        IdempotentRequests.Claim claim;
        try {
            claim = requests.claim(userId, key, fingerprint(request, body));
        } catch (DataAccessException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemDetailsAdvice.RETRY_AFTER_DATABASE_SECONDS);
            problems.write(
                    request,
                    response,
                    Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetailsAdvice.DATABASE_UNAVAILABLE));
            return;
        }
        switch (claim) {
            case IdempotentRequests.Claim.Replay replay -> replay(replay, response);
            case IdempotentRequests.Claim.InProgress ignored -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(
                        request,
                        response,
                        Problems.of(
                                HttpStatus.CONFLICT,
                                "A request with this " + HEADER + " is still being carried out; try again shortly."));
            }
            case IdempotentRequests.Claim.Mismatch ignored ->
                problems.write(
                        request,
                        response,
                        Problems.of(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "This " + HEADER + " was used for a different request: use a new key for each"
                                        + " request."));
            case IdempotentRequests.Claim.Claimed ignored -> carryOut(request, response, chain, userId, key, body);
        }
    }

    private void carryOut(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String userId,
            String key,
            byte[] body)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReadRequest(request, body), answer);
            int status = answer.getStatus();
            // Only what was carried out is replayed; a refusal (4xx) or a failure (5xx, 429) wrote
            // nothing, so a retry must be judged again.
            if (status >= 200 && status < 300 && answer.getContentSize() <= MAX_KEPT_BODY) {
                requests.answer(
                        userId,
                        key,
                        status,
                        answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION),
                        answer.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                releaseQuietly(userId, key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void releaseQuietly(String userId, String key) {
        try {
            requests.release(userId, key);
        } catch (DataAccessException e) {
            // The claim is abandoned, then: claimable again after IdempotentRequests.ABANDONED.
            logger.debug("Idempotency-Key claim not released: " + e);
        }
    }

    private static void replay(IdempotentRequests.Claim.Replay replay, HttpServletResponse response)
            throws IOException {
        response.setStatus(replay.status());
        response.setHeader(REPLAYED, "true");
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, replay.location());
        }
        byte[] body = replay.body() == null ? new byte[0] : replay.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Visible ASCII only: the key is compared byte for byte and never needs escaping. */
    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The request as carried out: method, path, query and body. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + RequestPath.of(request)
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The request again, its body already read (for the fingerprint) and served from memory. */
    private static final class ReadRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
