package dev.tasks.api.ratelimit;

import dev.tasks.api.web.RequestPath;
import io.github.betterauthjava.jwt.BetterAuthUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs in the security chain right after the bearer token was checked: a verified user's
 * {@code /api} request is charged to that user, a request without a token to its address.
 * Requests with a bad token never get here; {@link RateLimitedEntryPoint} charges those.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admitted;
        // A token and an API key of one user are one principal: they share the user's limit.
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BetterAuthUser user) {
            admitted = !RequestPath.of(request).startsWith("/api/") || limits.admitUser(user.id(), request, response);
        } else {
            admitted = isProbe(request) || limits.admitAddress(request, response);
        }
        if (admitted) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Health probes come from load balancers: when clients are not told apart (no TRUSTED_PROXIES)
     * they share the proxy's address, and a flood must not make the probe fail and the instance
     * look dead. They are cheap and touch no user data.
     */
    private static boolean isProbe(HttpServletRequest request) {
        String path = RequestPath.of(request);
        return path.equals("/health") || path.equals("/health/ready");
    }
}
