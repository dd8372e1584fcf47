package cn.tingfeng.testsupport;

import cn.tingfeng.audit.CheckpointStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The test database is new in every run (in-memory H2) while ./target/test-data persists: checkpoints of an earlier
 * run would describe another chain. Each test application starts without checkpoints.
 */
@ApplicationScoped
public class AuditCheckpointReset {
    @Inject
    CheckpointStore store;

    void onStart(@Observes StartupEvent event) throws IOException {
        Path dir = store.dir();
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
    }
}
