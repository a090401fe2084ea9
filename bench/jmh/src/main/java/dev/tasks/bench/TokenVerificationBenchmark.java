package dev.tasks.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.sun.net.httpserver.HttpServer;
import io.github.betterauthjava.jwt.BetterAuthSession;
import io.github.betterauthjava.jwt.BetterAuthSettings;
import io.github.betterauthjava.jwt.BetterAuthVerifier;
import io.github.betterauthjava.jwt.JwksKeys;
import io.github.betterauthjava.jwt.SessionCheck;
import io.github.betterauthjava.jwt.SessionCheckMode;
import io.github.betterauthjava.jwt.SessionCheckSettings;
import io.github.betterauthjava.spring.BetterAuthJwtDecoder;
import io.github.betterauthjava.spring.BetterAuthProperties;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Token verification through the library's {@link BetterAuthJwtDecoder}, exactly as a request does:
 * keys come from a JWKS endpoint (a local HTTP server here), tokens look like Better Auth's.
 * "uncached" uses a decoder with {@code token-cache-size = 0}, so every call parses, checks the
 * header, verifies the signature and validates the claims; "cached" uses the default cache and
 * round-robins over 100 tokens (100 users), as the load benchmark does. "WithSessionCheck" adds
 * the session check (if-present) to the cached decoder, its tokens naming live sessions of an
 * in-memory store: what the check costs a request whose session is cached (all but one per 5 s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class TokenVerificationBenchmark {

    static final int USERS = 100;

    HttpServer jwks;
    JwksKeys keys;
    BetterAuthJwtDecoder uncached;
    BetterAuthJwtDecoder cached;
    BetterAuthJwtDecoder sessionChecked;
    String[] eddsaSessions = new String[USERS];
    String eddsa, es256, rs256;
    String[] eddsaUsers = new String[USERS];
    int next;

    // raw signature baselines: what the JDK alone costs for the same Ed25519 check
    Signature jdkEd25519;
    KeyPair jdkPair;
    byte[] signingInput, jdkSignature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecPair = ecGen.generateKeyPair();
        ECKey ec = new ECKey.Builder(Curve.P_256, (ECPublicKey) ecPair.getPublic()).privateKey(ecPair.getPrivate())
                .keyID("es").algorithm(JWSAlgorithm.ES256).build();
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        KeyPair rsaPair = rsaGen.generateKeyPair();
        RSAKey rsa = new RSAKey.Builder((RSAPublicKey) rsaPair.getPublic()).privateKey(rsaPair.getPrivate())
                .keyID("rs").algorithm(JWSAlgorithm.RS256).build();
        byte[] body = new JWKSet(List.of(ed.toPublicJWK(), ec.toPublicJWK(), rsa.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);

        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        jwks.createContext("/api/auth/jwks", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        jwks.start();
        String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();

        BetterAuthSettings withCache = BetterAuthProperties.of(issuer).settings();
        BetterAuthSettings noCache = BetterAuthSettings.builder(issuer).tokenCacheSize(0).build();
        keys = new JwksKeys(withCache);
        uncached = new BetterAuthJwtDecoder(BetterAuthVerifier.builder(noCache).keys(keys).build());
        cached = new BetterAuthJwtDecoder(BetterAuthVerifier.builder(withCache).keys(keys).build());

        eddsa = token(JWSAlgorithm.EdDSA, "ed", new Ed25519Signer(ed), issuer, "user-0");
        es256 = token(JWSAlgorithm.ES256, "es", new ECDSASigner(ec), issuer, "user-0");
        rs256 = token(JWSAlgorithm.RS256, "rs", new RSASSASigner(rsa), issuer, "user-0");
        Map<String, BetterAuthSession> sessions = new java.util.HashMap<>();
        sessionChecked = new BetterAuthJwtDecoder(BetterAuthVerifier.builder(withCache).keys(keys)
                .sessionCheck(new SessionCheck(SessionCheckSettings.of(SessionCheckMode.IF_PRESENT), id -> Optional.ofNullable(sessions.get(id))))
                .build());
        for (int i = 0; i < USERS; i++) {
            eddsaUsers[i] = token(JWSAlgorithm.EdDSA, "ed", new Ed25519Signer(ed), issuer, "user-" + i);
            cached.decode(eddsaUsers[i]);
            sessions.put("session-" + i, new BetterAuthSession("user-" + i, Instant.now().plus(java.time.Duration.ofDays(7))));
            eddsaSessions[i] = token(JWSAlgorithm.EdDSA, "ed", new Ed25519Signer(ed), issuer, "user-" + i, "session-" + i);
            sessionChecked.decode(eddsaSessions[i]);
        }
        // fail here, not in the measurement, if anything is off
        for (String t : List.of(eddsa, es256, rs256)) {
            uncached.decode(t);
        }

        KeyPairGenerator edGen = KeyPairGenerator.getInstance("Ed25519");
        jdkPair = edGen.generateKeyPair();
        signingInput = eddsa.substring(0, eddsa.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jdkPair.getPrivate());
        s.update(signingInput);
        jdkSignature = s.sign();
        jdkEd25519 = Signature.getInstance("Ed25519");
    }

    static String token(JWSAlgorithm alg, String kid, JWSSigner signer, String issuer, String user) throws Exception {
        return token(alg, kid, signer, issuer, user, null);
    }

    static String token(JWSAlgorithm alg, String kid, JWSSigner signer, String issuer, String user, String sid) throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("iat", now);
        claims.put("name", "Bench User");
        claims.put("email", user + "@bench.example");
        claims.put("emailVerified", false);
        claims.put("image", null);
        claims.put("createdAt", "2025-01-01T00:00:00.000Z");
        claims.put("updatedAt", "2025-01-01T00:00:00.000Z");
        claims.put("id", user);
        claims.put("sub", user);
        claims.put("exp", now + 86_400);
        claims.put("iss", issuer);
        claims.put("aud", issuer);
        if (sid != null) {
            claims.put("sid", sid);
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).build(), new Payload(claims));
        jws.sign(signer);
        return jws.serialize();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        keys.close();
        jwks.stop(0);
    }

    @Benchmark
    public Jwt eddsaUncached() {
        return uncached.decode(eddsa);
    }

    @Benchmark
    public Jwt es256Uncached() {
        return uncached.decode(es256);
    }

    @Benchmark
    public Jwt rs256Uncached() {
        return uncached.decode(rs256);
    }

    @Benchmark
    public Jwt eddsaCached() {
        int i = next++;
        if (next == USERS) {
            next = 0;
        }
        return cached.decode(eddsaUsers[i]);
    }

    @Benchmark
    public Jwt eddsaCachedWithSessionCheck() {
        int i = next++;
        if (next == USERS) {
            next = 0;
        }
        return sessionChecked.decode(eddsaSessions[i]);
    }

    /** The bare JDK Ed25519 verification of the same bytes: the floor under eddsaUncached if the JDK did it. */
    @Benchmark
    public boolean jdkEd25519VerifyOnly() throws Exception {
        jdkEd25519.initVerify(jdkPair.getPublic());
        jdkEd25519.update(signingInput);
        return jdkEd25519.verify(jdkSignature);
    }
}
