package io.github.betterauthjava.jwt;

import java.util.Optional;

/**
 * Where Better Auth's API keys are looked up, by the hash Better Auth stores
 * ({@link ApiKeyCheck#hash(String)}); {@link JdbcBetterAuthApiKeys} reads its table. Never given the key itself.
 */
public interface BetterAuthApiKeys {

    /**
     * The key whose stored hash is {@code keyHash}, or empty when there is none (never created, deleted,
     * or its owner is gone).
     *
     * @throws ApiKeysUnavailableException when it cannot be known right now
     */
    Optional<BetterAuthApiKey> find(String keyHash);
}
