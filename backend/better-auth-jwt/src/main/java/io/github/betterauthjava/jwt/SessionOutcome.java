package io.github.betterauthjava.jwt;

import java.util.Locale;

/** What the session check concluded for one request; the {@code outcome} tag of its counter. */
public enum SessionOutcome {
    /** The token's session exists, is the token user's and has not expired. */
    LIVE,
    /** Deleted, expired or another user's: 401. */
    ENDED,
    /** The session store could not answer: 503. */
    UNAVAILABLE,
    /** The token names no session: accepted in if-present mode, 401 in required mode. */
    NO_SID;

    /** The metric tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
