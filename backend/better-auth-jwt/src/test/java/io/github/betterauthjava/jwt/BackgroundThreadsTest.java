package io.github.betterauthjava.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** JWKS fetches run on virtual threads where the JVM has them, on platform daemon threads on 17. */
class BackgroundThreadsTest {

    private static Thread threadOf(ExecutorService executor) throws Exception {
        try {
            return executor.submit(Thread::currentThread).get();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void neverKeepsTheJvmAliveAndSaysWhoseThreadsTheyAre() throws Exception {
        Thread thread = threadOf(BackgroundThreads.executor("better-auth-jwks-"));

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).startsWith("better-auth-jwks-");
    }

    @Test
    void usesVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
        Thread thread = threadOf(BackgroundThreads.executor("better-auth-jwks-"));

        boolean jvmHasThem = Runtime.version().feature() >= 21;
        boolean virtual =
                jvmHasThem && (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        assertThat(virtual).isEqualTo(jvmHasThem);
    }
}
