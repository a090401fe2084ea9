package io.github.betterauthjava.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's start-up report for a session check with no session store: what is wrong and the three fixes. */
final class NoSessionStoreFailureAnalyzer extends AbstractFailureAnalyzer<NoSessionStoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSessionStoreException cause) {
        return new FailureAnalysis(
                "better-auth.session-check is " + cause.mode()
                        + ", so every token's Better Auth session must be looked up, but the application has no"
                        + " DataSource and no BetterAuthSessions bean to look it up in.",
                """
                Do one of:
                \t- give the application a DataSource for Better Auth's database (spring.datasource.url and \
                spring-boot-starter-jdbc with its driver); the session table is better-auth.session-table, \
                default 'session',
                \t- define a BetterAuthSessions bean that finds sessions where your Better Auth keeps them,
                \t- or set better-auth.session-check=off (tokens then stay valid until their exp).""",
                cause);
    }
}
