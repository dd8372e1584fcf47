package cn.tingfeng.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ClockDeriver#sqlStatus} (the dashboards' aggregates) and {@link ClockDeriver#status} (the tracker) agree on
 * every combination of met / not met and before, at and after the target and the limit — half-open deadlines included.
 */
@QuarkusTest
class ClockStatusSqlTest {
    @Inject
    EntityManager em;

    @Test
    void sqlAndJavaGiveTheSameStatus() {
        Instant target = Instant.parse("2026-05-01T03:00:00Z");
        Instant limit = Instant.parse("2026-05-01T05:00:00Z");
        List<Instant> moments = List.of(target.minusSeconds(1), target, target.plusSeconds(1), limit.minusSeconds(1), limit,
                limit.plusSeconds(1));
        int checked = 0;
        java.util.Set<ClockStatus> seen = java.util.EnumSet.noneOf(ClockStatus.class);
        for (Instant now : moments) {
            for (Instant met : new java.util.ArrayList<Instant>(java.util.Arrays.asList(null, target.minusSeconds(1), target,
                    limit.minusSeconds(1), limit, limit.plusSeconds(1)))) {
                ClockStatus java = ClockDeriver.status(target, limit, met, null, now);
                String sql = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select " + ClockDeriver.sqlStatus("c") + " from (select cast(:t as timestamp with time zone) target_at,"
                                + " cast(:l as timestamp with time zone) limit_at, cast(:m as timestamp with time zone) met_at) c")
                        .setParameter("t", target).setParameter("l", limit).setParameter("m", met).setParameter("now", now)
                        .getSingleResult());
                assertThat(sql).as("met %s at %s", met, now).isEqualTo(java.code());
                seen.add(java);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(36);
        assertThat(seen).containsExactlyInAnyOrder(ClockStatus.values());
    }
}
