package dev.tasks.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad environment variable found while the context starts into Spring Boot's short
 * "APPLICATION FAILED TO START" report instead of a stack trace.
 */
final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix or unset the environment variable " + cause.variable() + " and start again.",
                cause);
    }
}
