package cn.tingfeng.crawl.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import cn.tingfeng.crawl.fetch.Sleeper;

/** A clock that only moves when the fake sleeper sleeps; records the waits asked for. */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            now.updateAndGet(i -> i.plus(d));
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
