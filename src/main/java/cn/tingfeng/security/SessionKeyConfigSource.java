package cn.tingfeng.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts the login session cookie, so that it is never a temporary key printed in the log:
 * TINGFENG_SESSION_KEY when set, otherwise a random key created once in {@code <data-dir>/session.key}
 * (owner-readable only). Lowest priority: an explicit {@code quarkus.http.auth.session.encryption-key} wins.
 */
public class SessionKeyConfigSource implements ConfigSource {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private volatile String value;

    @Override
    public Set<String> getPropertyNames() {
        // Not listed: the key is only made when the running application asks for it, never during the build.
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null;
        }
        String v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = resolve(System.getenv());
                }
                v = value;
            }
        }
        return v;
    }

    static String resolve(Map<String, String> env) {
        String fromEnv = env.get("TINGFENG_SESSION_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String dir = System.getProperty("tingfeng.data-dir", env.getOrDefault("TINGFENG_DATA_DIR", "./data"));
        return readOrCreate(Path.of(dir, "session.key"));
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            try {
                Files.writeString(file, key, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或创建会话密钥文件 " + file, e);
        }
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "tingfeng-session-key";
    }
}
