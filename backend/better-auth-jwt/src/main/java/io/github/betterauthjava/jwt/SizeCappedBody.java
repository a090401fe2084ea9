package io.github.betterauthjava.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, refusing it once it grows past a cap: a JWKS endpoint that
 * answers with megabytes (a misconfigured proxy, an attacker's server) never fills the heap.
 *
 * <p>The JDK's {@code BodyHandlers.limiting} does this from Java 25 on; this library runs on 17.
 * A declared {@code Content-Length} over the cap is refused before a byte is read; a body without
 * one (chunked) is cut off as soon as the cap is passed.
 */
final class SizeCappedBody implements HttpResponse.BodyHandler<byte[]> {

    /** The body was larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("document larger than " + maxBytes + " bytes");
        }
    }

    private final int maxBytes;

    SizeCappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Reader(maxBytes, declared > maxBytes);
    }

    private static final class Reader implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final boolean refuseAtOnce;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private Flow.Subscription subscription; // the HTTP client calls us serially

        Reader(int maxBytes, boolean refuseAtOnce) {
            this.maxBytes = maxBytes;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refuseAtOnce) {
                refuse();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (read.size() + buffer.remaining() > maxBytes) {
                    refuse();
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                read.writeBytes(bytes);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(read.toByteArray());
        }

        private void refuse() {
            subscription.cancel();
            body.completeExceptionally(new TooLarge(maxBytes));
        }
    }
}
