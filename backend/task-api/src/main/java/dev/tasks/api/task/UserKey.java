package dev.tasks.api.task;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How the change log names a user: the first 64 bits of the MD5 of the user id's UTF-8 bytes, as
 * a signed big-endian long; {@code tasks.user_key(text)} of migration V2 computes the same in SQL.
 * Not for secrecy: so that the log holds no user id (a deleted account leaves none behind) and a
 * row stays a fixed 8 bytes whatever the id's length.
 */
final class UserKey {

    /** Never updated itself, so concurrent clones are safe (as the verifier's TokenDigest does). */
    private final MessageDigest prototype = newDigest();

    long of(String userId) {
        return ByteBuffer.wrap(digest().digest(userId.getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }

    private MessageDigest digest() {
        try {
            return (MessageDigest) prototype.clone(); // cheaper than getInstance's provider lookup
        } catch (CloneNotSupportedException e) {
            return newDigest(); // a provider whose digests cannot be cloned: correct, only slower
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
