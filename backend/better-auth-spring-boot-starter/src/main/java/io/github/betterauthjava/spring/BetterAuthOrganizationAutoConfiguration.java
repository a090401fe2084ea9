package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.BetterAuthMembers;
import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import io.github.betterauthjava.jwt.MembershipCheck;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Better Auth organizations, when {@code better-auth.member-check=on}: Better Auth's member table
 * read through the application's DataSource (unless the application defines its own
 * {@link BetterAuthMembers}), the core's {@link MembershipCheck}, and {@link BetterAuthOrganizations}.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(
        after = BetterAuthAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JwtDecoder.class)
@Conditional(MembershipCheckEnabled.class)
@EnableConfigurationProperties(MembershipCheckProperties.class)
public class BetterAuthOrganizationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    BetterAuthMembers betterAuthMembers(DataSource dataSource, MembershipCheckProperties properties) {
        return new JdbcBetterAuthMembers(dataSource, properties.memberTable());
    }

    @Bean
    @ConditionalOnMissingBean
    MembershipCheck betterAuthMembershipCheck(
            MembershipCheckProperties properties, ObjectProvider<BetterAuthMembers> members) {
        BetterAuthMembers store = members.getIfAvailable();
        if (store == null) {
            // Never skip the check silently: a removed member would keep their access.
            throw new IllegalStateException("better-auth.member-check is on but there is nothing to look memberships"
                    + " up in: add a DataSource for Better Auth's database, define a BetterAuthMembers bean, or set"
                    + " better-auth.member-check=off");
        }
        return new MembershipCheck(properties.settings(), store, InstantSource.system());
    }

    @Bean
    @ConditionalOnMissingBean
    BetterAuthOrganizations betterAuthOrganizations(MembershipCheck check, MembershipCheckProperties properties) {
        return new BetterAuthOrganizations(check, properties.memberAuthorityPrefix());
    }
}
