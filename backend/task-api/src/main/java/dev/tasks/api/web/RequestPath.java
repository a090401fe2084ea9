package dev.tasks.api.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is judged by. */
public final class RequestPath {

    private RequestPath() {}

    /** The decoded, normalised path (what the controllers are matched against), not the raw URI. */
    public static String of(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
