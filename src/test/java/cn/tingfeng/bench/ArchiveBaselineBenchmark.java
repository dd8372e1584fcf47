package cn.tingfeng.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The empty-archive half of {@code ingest.costRatio.archive100k} (see {@link ArchiveBench}).
 * Run: {@code ./mvnw -B -Pbench test -Dtest='ArchiveBaselineBenchmark,ArchiveCostBenchmark'}.
 */
@QuarkusTest
@TestProfile(ArchiveBaselineBenchmark.Profile.class)
@Tag("benchmark")
class ArchiveBaselineBenchmark extends ArchiveBench {
    public static class Profile extends QueuedProfile {
    }

    @Test
    void perPostPipelineCostOnAnEmptyArchive() throws Exception {
        measure(false);
    }
}
