package cn.tingfeng.tracking.attachment;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Attachments of responses and feedback, prefix {@code attachments} (docs/tracking.md, "Attachments"). */
@ConfigMapping(prefix = "attachments")
public interface AttachmentConfig {
    /** Largest file accepted (each file); larger ones are refused with a Chinese message. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** At most this many files with one response or feedback. */
    @WithDefault("10")
    int maxFiles();

    /** Where the files go; default {@code <tingfeng.data-dir>/attachments} ({@code <yyyy>/<sha256>} below it). */
    Optional<Path> dir();
}
