package dev.tasks.api.web;

import dev.tasks.api.problem.ProblemErrorHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

    @Bean
    JettyCustomizations jettyCustomizations() {
        return new JettyCustomizations();
    }

    /** Ordered last: after Spring Boot's own customizers, which create the virtual thread pool. */
    static final class JettyCustomizations
            implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

        @Override
        public void customize(JettyServletWebServerFactory factory) {
            // Requests Jetty refuses before the web application sees them get the problem shape;
            // errors inside it go to Spring's /error as before (ProblemErrorController).
            factory.addServerCustomizers(server -> server.setErrorHandler(new ProblemErrorHandler()));
            // "jetty-handler-N" rather than Boot's "jetty-N": a request's log lines say which thread
            // served it, named like the container's request threads always were here (tools and the
            // e2e log checks look for "handler").
            if (factory.getThreadPool() instanceof VirtualThreadPool pool) {
                pool.setName("jetty-handler-");
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
