package io.github.betterauthjava.jwt.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;

/** Real key pairs of every kind Better Auth's jwt plugin can be configured with, shaped like its JWKS. */
public final class TestKeys {

    public static final OctetKeyPair ED25519 = ed25519("ed25519-1");
    public static final ECKey P256 = ec(Curve.P_256, JWSAlgorithm.ES256, "es256-1");
    public static final ECKey P521 = ec(Curve.P_521, JWSAlgorithm.ES512, "es512-1");
    public static final RSAKey RS256 = rsa(JWSAlgorithm.RS256, "rs256-1");
    public static final RSAKey PS256 = rsa(JWSAlgorithm.PS256, "ps256-1");

    /** Every private key; their public halves make up the JWKS. */
    public static final List<JWK> ALL = List.of(ED25519, P256, P521, RS256, PS256);

    private TestKeys() {}

    public static OctetKeyPair ed25519(String kid) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(Curve curve, JWSAlgorithm alg, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).algorithm(alg).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey rsa(JWSAlgorithm alg, String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(alg).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<JWK> publicHalves(List<? extends JWK> keys) {
        return keys.stream().map(JWK::toPublicJWK).toList();
    }

    /** The public key as an X.509 SubjectPublicKeyInfo (DER), as a PEM file would hold it. */
    public static byte[] publicKeyDer(JWK key) {
        try {
            if (key instanceof OctetKeyPair okp) {
                // RFC 8410 §4: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING x }
                byte[] prefix = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
                byte[] x = okp.getX().decode();
                byte[] der = java.util.Arrays.copyOf(prefix, prefix.length + x.length);
                System.arraycopy(x, 0, der, prefix.length, x.length);
                return der;
            }
            return ((com.nimbusds.jose.jwk.AsymmetricJWK) key).toPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
