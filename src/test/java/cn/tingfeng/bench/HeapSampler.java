package cn.tingfeng.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap in use while a benchmark runs: the largest used heap sampled with the MemoryMXBean every 100 ms (garbage not
 * yet collected included, so it depends on how lazily the collector runs with the JVM's maximum heap), and the largest
 * heap left after a collection (what the run really keeps alive).
 */
public final class HeapSampler implements AutoCloseable {
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Set<String> heapPools = new java.util.HashSet<>();
    private volatile boolean running = true;

    public HeapSampler() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPools.add(p.getName());
            }
        }
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        e.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // gone
                    }
                });
            }
        }
        sample();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        maxUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        samples.incrementAndGet();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                after += e.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(after, Math::max);
    }

    public double maxUsedMb() {
        return maxUsed.get() / 1048576.0;
    }

    /** 0 when no collection happened during the run. */
    public double maxAfterGcMb() {
        return maxAfterGc.get() / 1048576.0;
    }

    public long samples() {
        return samples.get();
    }

    public static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / 1048576.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sample();
        unsubscribe.forEach(Runnable::run);
    }
}
