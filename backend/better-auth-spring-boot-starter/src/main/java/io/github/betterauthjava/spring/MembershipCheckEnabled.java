package io.github.betterauthjava.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches unless {@code better-auth.member-check} is {@code off} (its default). */
final class MembershipCheckEnabled extends SpringBootCondition {

    static final String PROPERTY = "better-auth.member-check";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(PROPERTY, "off");
        try {
            return MembershipCheckProperties.parse(value).equals("off")
                    ? ConditionOutcome.noMatch(PROPERTY + " is off")
                    : ConditionOutcome.match(PROPERTY + " is on");
        } catch (IllegalArgumentException e) {
            // Match, so that binding MembershipCheckProperties stops the start with the message naming the property.
            return ConditionOutcome.match(PROPERTY + " is invalid");
        }
    }
}
