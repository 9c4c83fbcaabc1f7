package org.thyronco.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds. */
record Stats(long[] sortedNanos) {

    static Stats of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }
}
