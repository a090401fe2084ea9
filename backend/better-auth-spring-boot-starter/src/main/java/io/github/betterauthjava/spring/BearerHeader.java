package io.github.betterauthjava.spring;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The token in an {@code Authorization} header value, {@code Bearer <token>} with the scheme in
 * any case (RFC 6750 §2.1). One rule for the servlet {@link HeaderBearerTokenResolver} and the
 * reactive {@link HeaderBearerTokenConverter}.
 *
 * <p>A loop, not Spring's regular expression: matching a case-insensitive character-class regex
 * over a ~700-character token was 4 % of the API's CPU per request in the bench/ profiles.
 */
final class BearerHeader {

    private static final String SCHEME = "Bearer ";

    private BearerHeader() {}

    /**
     * @return the token, or {@code null} when there is no header or it names another scheme
     *     (Basic, …): no bearer token was given
     * @throws InvalidBearerTokenException a Bearer header whose token is not an RFC 6750 b64token
     */
    static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (authorization.length() <= SCHEME.length()
                || authorization.charAt(SCHEME.length() - 1) != ' '
                || !isToken68(authorization, SCHEME.length())) {
            throw new InvalidBearerTokenException("Bearer token is malformed");
        }
        return authorization.substring(SCHEME.length());
    }

    /** RFC 6750 §2.1 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static boolean isToken68(String value, int from) {
        int i = from;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
