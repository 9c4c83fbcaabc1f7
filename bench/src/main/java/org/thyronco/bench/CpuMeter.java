package org.thyronco.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.thyronco.infra.SuiteLauncher;

/**
 * CPU time the suite's processes spent, read from the operating system: with it, a throughput ratio comes with where
 * each request's CPU went (on two shared cores, the ratio is mostly the sum of those).
 */
final class CpuMeter {

    private final Map<String, Supplier<Duration>> processes = new LinkedHashMap<>();

    CpuMeter(SuiteLauncher suite, String... services) {
        for (String service : services) {
            ProcessHandle handle = suite.process(service).toHandle();
            processes.put(service, () -> cpu(handle));
        }
        // Every PostgreSQL process (postmaster and the backends the services' pools hold open).
        processes.put("postgres", () -> ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(CpuMeter::cpu).reduce(Duration.ZERO, Duration::plus));
    }

    Map<String, Duration> snapshot() {
        Map<String, Duration> now = new LinkedHashMap<>();
        processes.forEach((name, cpu) -> now.put(name, cpu.get()));
        return now;
    }

    /** Microseconds of CPU per request, per process, between two snapshots. */
    static Map<String, Double> perRequest(Map<String, Duration> before, Map<String, Duration> after, int requests) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((name, cpu) -> out.put(name, cpu.minus(before.get(name)).toNanos() / 1000.0 / requests));
        return out;
    }

    private static Duration cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
