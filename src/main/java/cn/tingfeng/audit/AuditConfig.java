package cn.tingfeng.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Audit log settings, prefix {@code audit}. */
@ConfigMapping(prefix = "audit")
public interface AuditConfig {
    Checkpoint checkpoint();

    interface Checkpoint {
        /** How often the checkpoint job runs ({@code off} disables it). */
        @WithDefault("10m")
        String every();

        /** Where signed checkpoint files go; default {@code <tingfeng.data-dir>/audit-checkpoints}. */
        Optional<Path> dir();

        /** Ed25519 private key (base64 PKCS#8 or PEM); default {@code <data-dir>/audit-keys/checkpoint-ed25519.key}, generated when absent. */
        Optional<Path> privateKeyFile();

        /** Ed25519 public key (base64 X.509 or PEM); default next to the private key with {@code .pub}. */
        Optional<Path> publicKeyFile();
    }
}
