package cn.tingfeng.tracking.attachment;

import cn.tingfeng.shared.TingfengConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The files, content-addressed: {@code <dir>/<yyyy>/<sha256>}. A file is written to a temporary name and moved into
 * place, never overwritten (the same hash is the same content), so a failed upload never damages a stored file.
 */
@ApplicationScoped
public class AttachmentStore {
    @Inject
    AttachmentConfig config;
    @Inject
    TingfengConfig core;

    Path root() {
        return config.dir().orElse(core.dataDir().resolve("attachments"));
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the file at {@code relative}; true when it was written now (false: the same content was there already). */
    boolean put(Path source, String relative) {
        Path target = root().resolve(relative).normalize();
        if (!target.startsWith(root().normalize())) throw new IllegalArgumentException("bad attachment path " + relative);
        try {
            if (Files.exists(target)) return false;
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String relative) {
        return root().resolve(relative);
    }
}
