package dev.tasks.api.ratelimit;

import dev.tasks.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The two limits of SPEC 1.5 and the 429 they answer with. */
public final class RateLimits {

    /** Marks a request already charged to its address, so one request never costs two tokens. */
    static final String ADDRESS_CHARGED = RateLimits.class.getName() + ".addressCharged";

    private final RateLimiter perUser;
    private final RateLimiter perAddress;
    private final ClientAddress clientAddress;
    private final Problems problems;

    public RateLimits(RateLimiter perUser, RateLimiter perAddress, ClientAddress clientAddress, Problems problems) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.clientAddress = clientAddress;
        this.problems = problems;
    }

    /** Charges an authenticated request to its user; false when refused (the 429 is written). */
    boolean admitUser(String userId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return admit(perUser.acquire(userId), request, response);
    }

    /** Charges a request without a valid token to its client address, once. */
    boolean admitAddress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(ADDRESS_CHARGED) != null) {
            return true;
        }
        request.setAttribute(ADDRESS_CHARGED, Boolean.TRUE);
        return admit(perAddress.acquire(clientAddress.keyOf(request)), request, response);
    }

    private boolean admit(long retryAfterSeconds, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (retryAfterSeconds == 0) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.write(
                request,
                response,
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests; nothing was done. Try again in " + retryAfterSeconds + " s."));
        return false;
    }
}
