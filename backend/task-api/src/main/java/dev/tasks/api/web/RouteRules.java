package dev.tasks.api.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's own access rules for its routes (e.g. owned.Ownership). The security chain
 * applies every such bean before its final "any other request needs a valid token", so a rule
 * lives with the routes it protects and this package does not need to know the features.
 */
public interface RouteRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
