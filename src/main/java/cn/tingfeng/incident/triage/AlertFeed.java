package cn.tingfeng.incident.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The live alert stream behind {@code GET /api/alerts/stream} and the queue page: one poller per node reads what
 * changed in the alert table every {@link #EVERY} (new alerts, alerts handled — also on other nodes) and broadcasts
 * each changed row to every open stream as an SSE event {@code alert} with the row as JSON; a {@code ping} comment
 * every 15 s keeps proxies from closing idle streams. The poller starts with the first stream.
 */
@ApplicationScoped
public class AlertFeed {
    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    @Inject
    AlertBoard board;
    @Inject
    ObjectMapper json;

    private final BroadcastProcessor<AlertBoard.Row> changes = BroadcastProcessor.create();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile AlertBoard.Cursor cursor;
    private volatile io.smallrye.mutiny.subscription.Cancellable poller;

    /** The SSE events of one stream: every alert that changes from now on, and keep-alive pings. */
    public Multi<OutboundSseEvent> events(Sse sse) {
        start();
        Multi<OutboundSseEvent> alerts = changes.map(row -> sse.newEventBuilder().name("alert").id(Long.toString(row.id()))
                .data(toJson(row)).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(t -> sse.newEventBuilder().comment("ping").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build());
        return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(alerts, pings));
    }

    private void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        cursor = board.now();
        poller = Multi.createFrom().ticks().every(EVERY).emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(t -> poll(), e -> LOG.error("alert stream poller stopped", e));
    }

    void poll() {
        try {
            AlertBoard.Changes c = board.since(cursor);
            cursor = c.cursor();
            c.rows().forEach(changes::onNext);
        } catch (RuntimeException e) {
            LOG.warnf("alert stream: reading changes failed (%s); retrying", e.getMessage());
        }
    }

    private String toJson(AlertBoard.Row row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel();
        }
    }
}
