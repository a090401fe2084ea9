package io.github.betterauthjava.jwt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads the library's background work (JWKS fetches) runs on: a virtual thread per task
 * where the JVM has them (Java 21+), else platform daemon threads, so the library runs on Java 17
 * and never keeps a JVM alive. Looked up at run time because the library is compiled for 17.
 */
final class BackgroundThreads {

    private static final MethodHandle VIRTUAL_EXECUTOR = virtualExecutorFactory();

    private BackgroundThreads() {}

    /** An executor whose threads are named {@code prefix0}, {@code prefix1}, … */
    static ExecutorService executor(String prefix) {
        if (VIRTUAL_EXECUTOR != null) {
            try {
                return (ExecutorService) VIRTUAL_EXECUTOR.invoke(prefix);
            } catch (Throwable e) {
                // Virtual threads exist but cannot be made (a preview JDK without --enable-preview): platform ones.
            }
        }
        AtomicLong next = new AtomicLong();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(daemons);
    }

    /**
     * {@code prefix -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory())},
     * or {@code null} before Java 21.
     */
    private static MethodHandle virtualExecutorFactory() {
        if (Runtime.version().feature() < 21) {
            return null; // Java 19 and 20 have the methods, but only behind --enable-preview
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle newBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle named =
                    lookup.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            MethodHandle perTask = lookup.findStatic(
                    Executors.class,
                    "newThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class, ThreadFactory.class));
            // prefix -> ofVirtual().name(prefix, 0L)
            MethodHandle builderFor =
                    MethodHandles.insertArguments(MethodHandles.collectArguments(named, 0, newBuilder), 1, 0L);
            MethodHandle factoryFor = MethodHandles.filterReturnValue(
                    builderFor, factory.asType(MethodType.methodType(ThreadFactory.class, ofVirtual)));
            return MethodHandles.filterReturnValue(factoryFor, perTask)
                    .asType(MethodType.methodType(ExecutorService.class, String.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
