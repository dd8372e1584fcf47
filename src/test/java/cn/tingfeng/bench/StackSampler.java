package cn.tingfeng.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A poor man's profiler for the benchmarks (the surefire argLine, hence JFR, is not ours to change): every few
 * milliseconds it takes the stacks of the running threads that {@code threads} selects and counts, per sample, (a)
 * the pipeline stage — the innermost frame of {@code stageOwner} and the method it was calling — and (b) where the thread
 * actually was, by library (H2, PostgreSQL driver, Hibernate, HanLP, Tingfeng package …). Prints the shares.
 */
public final class StackSampler implements AutoCloseable {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Predicate<Thread> threads;
    private final String stageOwner;
    private final Map<String, Integer> stages = new HashMap<>();
    private final Map<String, Integer> where = new HashMap<>();
    private final Map<String, Integer> leaves = new HashMap<>();
    private int samples;
    private final Thread thread;
    private volatile boolean running = true;

    public StackSampler(Predicate<Thread> threads, String stageOwner, int everyMillis) {
        this.threads = threads;
        this.stageOwner = stageOwner;
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The test thread and the pipeline's own fork-join workers. */
    public static Predicate<Thread> pipelineThreads(Thread main) {
        return t -> t == main || t.getName().startsWith("ForkJoinPool-") || t.getName().startsWith("tingfeng-pipeline")
                || t.getName().startsWith("executor-thread");
    }

    private void sample() {
        List<Long> ids = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != thread && threads.test(t)) {
                ids.add(t.getId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        ThreadInfo[] infos = mx.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray(), 200);
        synchronized (this) {
            for (ThreadInfo info : infos) {
                if (info == null || info.getThreadState() != Thread.State.RUNNABLE || info.getStackTrace().length == 0) {
                    continue;
                }
                StackTraceElement[] st = info.getStackTrace();
                if (idle(st[0])) {
                    continue;
                }
                samples++;
                String stage = "(outside " + simple(stageOwner) + ")";
                for (int i = 0; i < st.length; i++) {
                    if (st[i].getClassName().startsWith(stageOwner)) {
                        // the innermost frame of the owner, and what it was calling
                        stage = simple(st[i].getClassName()) + "." + st[i].getMethodName()
                                + (i > 0 ? " → " + simple(st[i - 1].getClassName()).replace("_ClientProxy", "") + "."
                                + st[i - 1].getMethodName() : "");
                        break;
                    }
                }
                stages.merge(stage, 1, Integer::sum);
                where.merge(library(st), 1, Integer::sum);
                leaves.merge(simple(st[0].getClassName()) + "." + st[0].getMethodName(), 1, Integer::sum);
            }
        }
    }

    private static boolean idle(StackTraceElement top) {
        String c = top.getClassName();
        String m = top.getMethodName();
        return (c.startsWith("sun.nio.ch.") && (m.contains("poll") || m.contains("accept") || m.contains("select")))
                || c.equals("java.lang.Thread") && m.equals("sleep");
    }

    /** The innermost frame of a known library, or of a Tingfeng package. */
    private static String library(StackTraceElement[] st) {
        for (StackTraceElement e : st) {
            String c = e.getClassName();
            if (c.startsWith("org.h2.")) {
                return "H2";
            }
            if (c.startsWith("org.postgresql.")) {
                return "PostgreSQL JDBC";
            }
            if (c.startsWith("com.hankcs.")) {
                return "HanLP";
            }
            if (c.startsWith("org.hibernate.") || c.startsWith("io.agroal.") || c.startsWith("com.arjuna.")
                    || c.startsWith("io.quarkus.narayana")) {
                return "Hibernate/JDBC pool/transactions";
            }
            if (c.startsWith("com.fasterxml.jackson.")) {
                return "Jackson";
            }
            if (c.startsWith("cn.tingfeng.")) {
                String[] p = c.split("\\.");
                return "tingfeng " + String.join(".", java.util.Arrays.copyOfRange(p, 2, Math.min(p.length - 1, 4)));
            }
        }
        return "JDK/other";
    }

    private static String simple(String className) {
        int i = className.lastIndexOf('.');
        return i < 0 ? className : className.substring(i + 1);
    }

    public synchronized String report(int top) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("  %d busy samples%n", samples));
        section(b, "by pipeline stage", stages, top);
        section(b, "by library (innermost known frame)", where, top);
        section(b, "hottest leaf methods", leaves, top);
        return b.toString();
    }

    private void section(StringBuilder b, String title, Map<String, Integer> m, int top) {
        b.append("  ").append(title).append(":\n");
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> b.append(String.format("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
