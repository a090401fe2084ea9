package io.github.betterauthjava.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 of a token, the key of the verified-token cache: a hash, so the cache holds no usable
 * token. Each call clones a digest made once instead of asking the security providers for a new
 * one: {@code MessageDigest.getInstance} was two thirds of the hash's cost on every cached request
 * in the bench/ profiles. The prototype is never updated, so concurrent clones are safe.
 */
final class TokenDigest {

    private static final String ALGORITHM = "SHA-256";

    private final MessageDigest prototype = newDigest();

    String sha256(String token) {
        return Base64.getEncoder().encodeToString(copy().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private MessageDigest copy() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest(); // a provider whose digests cannot be cloned: correct, only slower
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
