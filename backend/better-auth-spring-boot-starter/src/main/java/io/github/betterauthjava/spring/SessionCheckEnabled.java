package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.SessionCheckMode;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code better-auth.session-check} is {@code off} (its default). */
final class SessionCheckEnabled extends SpringBootCondition {

    static final String PROPERTY = "better-auth.session-check";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(PROPERTY, SessionCheckMode.OFF.value());
        try {
            SessionCheckMode mode = SessionCheckMode.parse(value);
            return mode == SessionCheckMode.OFF
                    ? ConditionOutcome.noMatch(PROPERTY + " is off")
                    : ConditionOutcome.match(PROPERTY + " is " + mode.value());
        } catch (IllegalArgumentException e) {
            // Match, so that binding SessionCheckProperties stops the start with the message naming the property.
            return ConditionOutcome.match(PROPERTY + " is invalid");
        }
    }
}
