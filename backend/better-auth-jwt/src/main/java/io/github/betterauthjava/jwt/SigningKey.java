package io.github.betterauthjava.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Optional;
import java.util.Set;

/**
 * One public key from the JWKS together with the only algorithm(s) it may verify.
 *
 * <p>RFC 8725 §3.1: the algorithm is pinned by the key (its {@code kty}, {@code crv} and
 * {@code alg}), never taken on trust from the token header, so a token cannot talk an RSA key
 * into HMAC or an EdDSA key into ES256.
 */
record SigningKey(String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {

    /** RSA keys below this size are refused (RFC 7518 §3.3 requires 2048 bits). */
    static final int MIN_RSA_BITS = 2048;

    boolean verifies(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }

    /**
     * The signing key a JWK describes, or empty when it is not one this library trusts:
     * no kid, an encryption key, a symmetric key, a weak RSA key, an unknown curve, or an
     * {@code alg} that contradicts the key type.
     */
    static Optional<SigningKey> from(JWK jwk, Ed25519Verifiers ed25519) {
        String kid = jwk.getKeyID();
        if (kid == null || kid.isEmpty()) {
            return Optional.empty();
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return Optional.empty();
        }
        String declared = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
        try {
            // if/instanceof, not a switch with patterns: the library runs on Java 17.
            if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                // Better Auth's default. "Ed25519" is RFC 9864's fully-specified name for the same thing.
                return pinned(
                        kid,
                        declared,
                        Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519),
                        ed25519.forKey(okp.toPublicJWK()));
            }
            if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                return pinned(kid, declared, Set.of(JWSAlgorithm.ES256), new ECDSAVerifier(ec.toPublicJWK()));
            }
            if (jwk instanceof ECKey ec && Curve.P_384.equals(ec.getCurve())) {
                return pinned(kid, declared, Set.of(JWSAlgorithm.ES384), new ECDSAVerifier(ec.toPublicJWK()));
            }
            if (jwk instanceof ECKey ec && Curve.P_521.equals(ec.getCurve())) {
                return pinned(kid, declared, Set.of(JWSAlgorithm.ES512), new ECDSAVerifier(ec.toPublicJWK()));
            }
            if (jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
                return rsa(kid, declared, rsa);
            }
            return Optional.empty();
        } catch (JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<SigningKey> rsa(String kid, String declared, RSAKey rsa) throws JOSEException {
        // An RSA key can sign RS* and PS*: only its declared alg pins one. Better Auth always
        // declares it; a key without alg is taken as RS256, the JOSE default for RSA.
        JWSAlgorithm alg = declared == null ? JWSAlgorithm.RS256 : JWSAlgorithm.parse(declared);
        if (!JWSAlgorithm.Family.RSA.contains(alg)) {
            return Optional.empty();
        }
        return Optional.of(new SigningKey(kid, Set.of(alg), new RSASSAVerifier(rsa.toPublicJWK())));
    }

    private static Optional<SigningKey> pinned(
            String kid, String declared, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {
        if (declared != null && algorithms.stream().noneMatch(a -> a.getName().equals(declared))) {
            return Optional.empty();
        }
        return Optional.of(new SigningKey(kid, algorithms, verifier));
    }
}
