package dev.imsauth.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads by group (the thread name without its trailing number: {@code bench-ims-auth},
 * {@code test-op}, {@code HttpClient-Worker}…), so that a sign-in's cost can be put where it was spent: in the
 * server under test, in the shared provider, or in the clients. Threads that end between two snapshots are lost.
 */
final class ThreadCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    private ThreadCpu() {
    }

    /** A snapshot of every live thread's CPU time. */
    static ThreadCpu now() {
        ThreadCpu t = new ThreadCpu();
        for (ThreadInfo info : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (info != null) {
                long cpu = MX.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    t.before.put(info.getThreadId(), cpu);
                    t.names.put(info.getThreadId(), group(info.getThreadName()));
                }
            }
        }
        return t;
    }

    /** CPU nanoseconds by thread group since this snapshot (new threads count from zero). */
    Map<String, Long> since() {
        Map<String, Long> out = new TreeMap<>();
        ThreadCpu later = now();
        later.before.forEach((id, cpu) -> out.merge(later.names.get(id), cpu - before.getOrDefault(id, 0L), Long::sum));
        return out;
    }

    static String group(String threadName) {
        return threadName.replaceAll("-\\d+(?=-|$)", "").replaceAll("[-_ #]?\\d+$", "");
    }
}
