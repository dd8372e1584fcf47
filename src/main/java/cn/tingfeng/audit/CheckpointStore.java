package cn.tingfeng.audit;

import cn.tingfeng.shared.TingfengConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints outside the database: one file {@code checkpoint-<seq>.json} per checkpoint in the checkpoint
 * directory, and the Ed25519 key pair (configured paths; generated into the data directory on first use).
 */
@ApplicationScoped
public class CheckpointStore {
    private static final Logger LOG = Logger.getLogger(CheckpointStore.class);

    @Inject
    AuditConfig config;
    @Inject
    TingfengConfig core;

    private volatile KeyPair keys;
    private volatile String keyId;

    public Path dir() {
        return config.checkpoint().dir().orElse(core.dataDir().resolve("audit-checkpoints"));
    }

    public synchronized void write(Checkpoint cp) {
        try {
            Files.createDirectories(dir());
            Path tmp = dir().resolve(".checkpoint.tmp");
            Files.writeString(tmp, cp.toJsonLine() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir().resolve(String.format("checkpoint-%012d.json", cp.seq())),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计检查点", e);
        }
    }

    /** Every checkpoint file; an unreadable file yields an unsigned checkpoint (which fails verification). */
    public List<Checkpoint> readAll() {
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.isDirectory(dir())) return out;
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.json")).sorted().toList()) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计检查点", e);
        }
        return out;
    }

    private static Checkpoint read(Path f) {
        String name = f.getFileName().toString();
        long seq = Long.parseLong(name.substring("checkpoint-".length(), name.length() - ".json".length()));
        try {
            JsonNode n = AuditLog.JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            return new Checkpoint(n.get("seq").asLong(), n.get("headHash").asText(), Instant.parse(n.get("at").asText()),
                    n.get("keyId").asText(), n.get("signature").asText());
        } catch (IOException | RuntimeException e) {
            return new Checkpoint(seq, "", Instant.EPOCH, "unreadable", null);
        }
    }

    public CheckpointSigner signer() {
        KeyPair k = keys();
        return new CheckpointSigner(keyId, k.getPrivate());
    }

    public CheckpointVerifier verifier() {
        return new CheckpointVerifier(Map.of(keyId(), keys().getPublic()));
    }

    public String keyId() {
        keys();
        return keyId;
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrGenerate();
                    keyId = "ed25519-" + HashChain.sha256Hex(CheckpointSigner.encode(keys.getPublic())).substring(0, 16);
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrGenerate() {
        Path priv = config.checkpoint().privateKeyFile().orElse(core.dataDir().resolve("audit-keys/checkpoint-ed25519.key"));
        Path pub = config.checkpoint().publicKeyFile().orElse(priv.resolveSibling(priv.getFileName() + ".pub"));
        try {
            if (Files.exists(priv) && Files.exists(pub)) {
                PrivateKey p = CheckpointSigner.privateKey(Files.readString(priv));
                PublicKey q = CheckpointSigner.publicKey(Files.readString(pub));
                return new KeyPair(q, p);
            }
            if (Files.exists(priv) || Files.exists(pub)) {
                throw new IllegalStateException("审计检查点密钥不完整：" + priv + " 与 " + pub + " 必须同时存在");
            }
            KeyPair k = CheckpointSigner.generateKeyPair();
            Files.createDirectories(priv.toAbsolutePath().getParent());
            Files.writeString(pub, CheckpointSigner.encode(k.getPublic()) + "\n");
            Files.writeString(priv, CheckpointSigner.encode(k.getPrivate()) + "\n");
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.infof("generated the audit checkpoint key pair %s (public key %s)", priv, pub);
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成审计检查点密钥", e);
        }
    }
}
