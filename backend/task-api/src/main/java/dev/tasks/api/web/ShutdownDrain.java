package dev.tasks.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first step of a shutdown: for {@link ShutdownDrainSettings#window()} the API goes on serving
 * everything (new connections too) while readiness answers 503, so a load balancer stops sending,
 * and every response carries {@code Connection: close}, so a keep-alive client sends its next
 * request on a new connection, to whichever instance is ready. Only then do the live streams end
 * and Tomcat's graceful shutdown pause the connector.
 *
 * <p>Why: once paused, Tomcat closes a kept-alive connection that brings a new request without
 * answering it. A client that sent a request on an idle connection just as the connector paused
 * got a network error, not an answer (the SIGTERM fault test caught two reads sent before the
 * signal failing that way). The drain moves busy clients off their kept-alive connections first.
 *
 * <p>{@link ContextClosedEvent} is published before any lifecycle bean stops, so the change-log
 * reader, the list cache and the pool all keep working during the drain.
 */
public final class ShutdownDrain extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration window;
    private final AtomicBoolean draining = new AtomicBoolean();

    ShutdownDrain(ShutdownDrainSettings settings) {
        this.window = settings.window();
    }

    /** True from the start of the shutdown: readiness answers 503. */
    public boolean draining() {
        return draining.get();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // The management server's child context closes too and publishes its own event: drain once.
        if (!draining.compareAndSet(false, true) || window.isZero()) {
            return;
        }
        log.info("Shutting down: serving for {} ms more, answering readiness with 503", window.toMillis());
        try {
            Thread.sleep(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        closeWhileDraining(response);
        try {
            chain.doFilter(request, response);
        } finally {
            // A request that was already running when the drain began: still in time if uncommitted.
            closeWhileDraining(response);
        }
    }

    private void closeWhileDraining(HttpServletResponse response) {
        if (draining.get() && !response.isCommitted()) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
    }
}
