package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.BetterAuthSessions;
import io.github.betterauthjava.jwt.JdbcBetterAuthSessions;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.SessionCheckMode;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The session check is off unless asked for, reads the app's DataSource, backs off, and refuses bad settings. */
class SessionCheckAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    BetterAuthAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
                    org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
                            .class));

    private static final BetterAuthSessions OWN = id -> Optional.of(new BetterAuthSession("u", Instant.MAX));

    @Test
    void isOffByDefaultEvenWithADataSource() {
        runner.withBean(DataSource.class, PGSimpleDataSource::new).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SessionCheck.class);
            assertThat(context).doesNotHaveBean(BetterAuthSessions.class);
            assertThat(context.getBean(SessionCheckProperties.class).mode()).isEqualTo(SessionCheckMode.OFF);
        });
    }

    @Test
    void readsBetterAuthsSessionTableThroughTheAppsDataSourceWhenOn() {
        runner.withBean(DataSource.class, PGSimpleDataSource::new)
                .withPropertyValues("better-auth.session-check=if-present", "better-auth.session-table=auth.session")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(BetterAuthSessions.class).isInstanceOf(JdbcBetterAuthSessions.class);
                    assertThat(context.getBean(JdbcBetterAuthSessions.class).lockStatement())
                            .contains(" FROM \"auth\".\"session\" ");
                    assertThat(context.getBean(SessionCheck.class).mode()).isEqualTo(SessionCheckMode.IF_PRESENT);
                    assertThat(context.getBean(BetterAuthJwtDecoder.class).toString())
                            .contains("mode=if-present");
                });
    }

    @Test
    void usesTheAppsOwnSessionStoreInsteadOfTheDatabase() {
        runner.withBean(DataSource.class, PGSimpleDataSource::new)
                .withBean(BetterAuthSessions.class, () -> OWN)
                .withPropertyValues("better-auth.session-check=required")
                .run(context -> {
                    assertThat(context).getBean(BetterAuthSessions.class).isSameAs(OWN);
                    assertThat(context).doesNotHaveBean(JdbcBetterAuthSessions.class);
                    assertThat(context.getBean(SessionCheck.class).mode()).isEqualTo(SessionCheckMode.REQUIRED);
                });
    }

    @Test
    void refusesToStartWithTheCheckOnAndNothingToLookSessionsUpIn() {
        runner.withPropertyValues("better-auth.session-check=if-present").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("nothing to look sessions up in");
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMissingSessionStoreIsBootsApplicationFailedToStartWithTheFix(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(NoStore.class)
                .web(WebApplicationType.NONE)
                .properties("better-auth.session-check=required");
        assertThatThrownBy(app::run).hasRootCauseInstanceOf(NoSessionStoreException.class);
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("better-auth.session-check is required")
                .contains("give the application a DataSource for Better Auth's database")
                .contains("define a BetterAuthSessions bean")
                .contains("set better-auth.session-check=off");
    }

    @Test
    void refusesToStartWithAnUnknownMode() {
        runner.withPropertyValues("better-auth.session-check=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("better-auth.session-check")
                    .hasMessageContaining("off, if-present or required");
        });
    }

    @Test
    void refusesToStartWithACacheTtlOverFiveSeconds() {
        runner.withPropertyValues("better-auth.session-cache-ttl=6s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("better-auth.session-cache-ttl");
        });
    }

    @Test
    void refusesToStartWithATableNameThatIsNotAnIdentifier() {
        runner.withPropertyValues("better-auth.session-table=session;drop").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("better-auth.session-table");
        });
    }

    @Test
    void honoursTheBetterAuthSessionCheckVariable() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Plain.class)
                .web(WebApplicationType.NONE)
                .properties("BETTER_AUTH_SESSION_CHECK=Required")
                .run()) {
            assertThat(context.getBean(SessionCheckProperties.class).mode()).isEqualTo(SessionCheckMode.REQUIRED);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class NoStore {}

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class Plain {
        @org.springframework.context.annotation.Bean
        BetterAuthSessions sessions() {
            return OWN;
        }
    }
}
