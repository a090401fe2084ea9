package io.github.betterauthjava.jwt;

import java.util.Locale;

/** What the API key check concluded for one key; the {@code outcome} tag of its counter. */
public enum ApiKeyOutcome {
    /** Known, enabled, unexpired, with an owner: the request goes on as that user. */
    ACCEPTED,
    /** Unknown, deleted, disabled, expired, ownerless, blank or too long: 401. */
    REFUSED,
    /** The key table could not answer: 503. */
    UNAVAILABLE;

    /** The metric tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
