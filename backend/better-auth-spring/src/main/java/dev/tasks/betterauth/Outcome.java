package dev.tasks.betterauth;

import java.util.Locale;

/** Why a token was accepted or refused; the {@code outcome} tag of the verification counter. */
enum Outcome {
    ACCEPTED,
    CACHED,
    TOO_LONG,
    MALFORMED,
    FORBIDDEN_HEADER,
    BAD_ALGORITHM,
    UNKNOWN_KID,
    HS256_DISABLED,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    BAD_ISSUER,
    BAD_AUDIENCE,
    SESSION_CACHE,
    NO_SUBJECT,
    ERROR;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
