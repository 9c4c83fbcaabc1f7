package org.thyronco.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Places whole processes (every thread) on chosen CPUs with {@code taskset} (util-linux), and gives every process it
 * placed all CPUs back when closed. Used to measure the gateway on a core of its own, as it runs when deployed (its
 * own pod), rather than taking its CPU from the service it fronts on the same two cores.
 */
final class CpuPlacement implements AutoCloseable {

    private final List<Long> placed = new ArrayList<>();

    /** Whether processes can be placed here: taskset answers and there are at least two CPUs to split. */
    static boolean available() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        try {
            return new ProcessBuilder("taskset", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs every thread of {@code process} (and the threads it starts later) on {@code cpus}, e.g. "0" or "1". */
    void place(ProcessHandle process, String cpus) throws IOException, InterruptedException {
        taskset(cpus, process.pid());
        placed.add(process.pid());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        for (long pid : placed) {
            if (ProcessHandle.of(pid).isPresent()) {
                taskset(all, pid);
            }
        }
        placed.clear();
    }

    private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-pc", cpus, String.valueOf(pid)).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset failed for " + pid + ": " + out);
        }
    }
}
