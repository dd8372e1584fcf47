package cn.tingfeng.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs checkpoints with Ed25519 (JDK 15+, no dependency).
 *
 * <p>Why Ed25519 rather than HMAC-SHA256: a checkpoint must convince someone who does not trust the
 * database or the server that wrote it. With HMAC whoever can verify can also forge, so the
 * verifying server (the very place an insider would rewrite the chain from) and every external
 * auditor would hold a forging key. With Ed25519 the private key is needed only by the checkpoint
 * job (it can live on another host), while verification — {@code GET /api/audit/verify}, or the
 * supervision commission's own check — needs only the public key, which can be published.
 * Signatures are deterministic (RFC 8032), 64 bytes, fast to verify.
 *
 * <p>Keys are configured as base64 DER: PKCS#8 for the private key, X.509 SubjectPublicKeyInfo for
 * the public key ({@code openssl genpkey -algorithm ed25519} produces the same encodings in PEM).
 */
public final class CheckpointSigner {

    public static final String ALGORITHM = "Ed25519";

    private final String keyId;
    private final PrivateKey privateKey;

    public CheckpointSigner(String keyId, PrivateKey privateKey) {
        if (keyId == null || keyId.isBlank()) throw new IllegalArgumentException("检查点签名密钥缺少编号");
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    public Checkpoint sign(long seq, String headHash, Instant at) {
        Checkpoint unsigned = new Checkpoint(seq, headHash, CanonicalJson.micros(at), keyId, null);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(unsigned.signedBytes());
            return new Checkpoint(seq, headHash, unsigned.at(), keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("检查点签名失败", e);
        }
    }

    /** Signs the head of a verified chain. */
    public Checkpoint sign(AuditEntry head, Instant at) {
        return sign(head.seq(), head.hash(), at);
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(base64Pkcs8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("无效的 Ed25519 私钥（应为 base64 PKCS#8）", e);
        }
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(base64X509)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("无效的 Ed25519 公钥（应为 base64 X.509）", e);
        }
    }

    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] decode(String b64) {
        String body = b64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
