package io.github.betterauthjava.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Which code checks an Ed25519 signature. Google Tink when it is on the class path (Nimbus's
 * {@link Ed25519Verifier} needs it, and it is faster), else the JDK's own EdDSA (Java 15+), so
 * Tink's 4.7 MB are optional. Either way {@link #selfTest()} proves it works before the first token.
 */
final class Ed25519Verifiers {

    /** RFC 8410 §4: SubjectPublicKeyInfo for Ed25519 is this prefix followed by the 32-byte key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final String TINK_CLASS = "com.google.crypto.tink.subtle.Ed25519Verify";

    private final boolean tink;

    Ed25519Verifiers(BetterAuthSettings.Ed25519Provider provider) {
        this.tink = provider == BetterAuthSettings.Ed25519Provider.AUTO && tinkPresent();
    }

    /** The implementation in use: {@code "tink"} or {@code "jdk"}. */
    String name() {
        return tink ? "tink" : "jdk";
    }

    JWSVerifier forKey(OctetKeyPair publicKey) throws JOSEException {
        return tink ? new Ed25519Verifier(publicKey) : new Jdk(publicKey);
    }

    /**
     * Signs with a throwaway key and verifies through {@link #forKey}: a JVM without Ed25519 (or a
     * Tink that cannot load) fails here, at start-up, not as a misleading 401 on every token.
     */
    void selfTest() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] input = "better-auth-jwt start-up check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(input);
            byte[] signature = signer.sign();
            byte[] der = pair.getPublic().getEncoded();
            byte[] x = Arrays.copyOfRange(der, der.length - 32, der.length);
            OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
            JWSVerifier verifier = forKey(jwk);
            boolean good = verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), input, Base64URL.encode(signature));
            signature[0] ^= 1;
            boolean bad = verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), input, Base64URL.encode(signature));
            if (!good || bad) {
                throw new IllegalStateException("Ed25519 (" + name() + ") gave wrong answers in the start-up check");
            }
        } catch (GeneralSecurityException | JOSEException | LinkageError | RuntimeException e) {
            throw new IllegalStateException(
                    "Ed25519, Better Auth's default signature, does not work in this JVM with " + name() + " (" + e
                            + "). Run on Java 15 or later, or add com.google.crypto.tink:tink.",
                    e);
        }
    }

    private static boolean tinkPresent() {
        try {
            Class.forName(TINK_CLASS, false, Ed25519Verifiers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** EdDSA over Ed25519 with {@code java.security} (RFC 8032 verification, as the JDK implements it). */
    private static final class Jdk implements JWSVerifier {

        private final PublicKey key;
        private final JCAContext context = new JCAContext();

        Jdk(OctetKeyPair jwk) throws JOSEException {
            byte[] x = jwk.getX().decode();
            if (x.length != 32) {
                throw new JOSEException("An Ed25519 public key has 32 bytes, this one " + x.length);
            }
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + x.length);
            System.arraycopy(x, 0, der, X509_PREFIX.length, x.length);
            try {
                key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Not an Ed25519 public key: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            byte[] bytes = signature.decode();
            if (bytes.length != 64) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(bytes);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
