package dev.tasks.api.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A route that takes a larger body than the 1 MiB every other request is held to (transfer's
 * import of a file). A feature declares its own as a bean; {@link BodySizeLimitFilter} applies the
 * limit of the first that matches, still refusing anything longer with 413.
 */
public interface LargeBodyRoute {

    /** Whether {@code request} is on this route (method and path, after authorisation). */
    boolean matches(HttpServletRequest request);

    /** The most bytes a body on this route may have. */
    long maxBytes();
}
