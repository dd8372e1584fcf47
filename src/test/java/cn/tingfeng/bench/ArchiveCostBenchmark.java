package cn.tingfeng.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The archive half of {@code ingest.costRatio.archive100k}: 100,000 posts and 5,000 incidents already stored
 * ({@link ArchiveSeeder}), then the same batch as {@link ArchiveBaselineBenchmark} (see {@link ArchiveBench}).
 * {@code -Dbench.archive.posts=N -Dbench.archive.incidents=M} change the archive.
 */
@QuarkusTest
@TestProfile(ArchiveCostBenchmark.Profile.class)
@Tag("benchmark")
class ArchiveCostBenchmark extends ArchiveBench {
    public static class Profile extends QueuedProfile {
    }

    @Test
    void perPostPipelineCostWithOneHundredThousandPostsAndFiveThousandIncidents() throws Exception {
        measure(true);
    }
}
