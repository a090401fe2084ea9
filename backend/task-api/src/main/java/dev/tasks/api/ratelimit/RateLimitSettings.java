package dev.tasks.api.ratelimit;

import dev.tasks.api.config.Env;
import java.util.List;

/**
 * The abuse limits (SPEC 1.5): a token bucket per user and per client address, refilled at
 * {@code perSecond} and holding up to {@code burst}. A person clicking around never comes close;
 * a script hammering the API does.
 */
public record RateLimitSettings(Limit user, Limit address, List<AddressRange> trustedProxies) {

    /** {@code perSecond == 0} turns the limit off. */
    public record Limit(int perSecond, int burst) {
        boolean enabled() {
            return perSecond > 0;
        }
    }

    public static RateLimitSettings from(Env env) {
        Limit user = new Limit(
                env.integer("RATE_LIMIT_USER_RPS", 50, 0, 1_000_000),
                env.integer("RATE_LIMIT_USER_BURST", 300, 1, 100_000_000));
        Limit address = new Limit(
                env.integer("RATE_LIMIT_IP_RPS", 20, 0, 1_000_000),
                env.integer("RATE_LIMIT_IP_BURST", 300, 1, 100_000_000));
        List<AddressRange> proxies = env.list("TRUSTED_PROXIES", "").stream()
                .map(text -> AddressRange.parse("TRUSTED_PROXIES", text))
                .toList();
        return new RateLimitSettings(user, address, proxies);
    }
}
