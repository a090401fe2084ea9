package dev.tasks.api.owned;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How the change log names an owner: the first 64 bits of the MD5 of the owner's id (a team's
 * prefixed with {@code team:}), as a signed big-endian long; {@code tasks.user_key(text)} of
 * migration V2 computes the same in SQL for users. Not for secrecy: so that the log holds no id (a
 * deleted account leaves none behind) and a row stays a fixed 8 bytes whatever the id's length.
 * A user and a team with one key would only share a few cache misses.
 */
public final class OwnerKey {

    /** Never updated itself, so concurrent clones are safe (as the verifier's TokenDigest does). */
    private final MessageDigest prototype = newDigest();

    public long of(Owner owner) {
        return of(
                switch (owner) {
                    case Owner.User user -> user.id();
                    case Owner.Team team -> "team:" + team.id();
                });
    }

    private long of(String text) {
        return ByteBuffer.wrap(digest().digest(text.getBytes(StandardCharsets.UTF_8)))
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
