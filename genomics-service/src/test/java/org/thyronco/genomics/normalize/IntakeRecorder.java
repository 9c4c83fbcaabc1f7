package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what an intake passes to its sink. */
final class IntakeRecorder implements IntakeSink {

    final Map<Long, List<NormalizedFinding>> accepted = new LinkedHashMap<>();
    final List<FieldError> rejected = new ArrayList<>();
    final List<FieldError> skipped = new ArrayList<>();

    @Override
    public void skip(FieldError reason) {
        skipped.add(reason);
    }

    FieldError skipping(long line) {
        return skipped.stream().filter(e -> e.line() != null && e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("nothing skipped at line " + line + "; skipped: " + skipped));
    }

    @Override
    public void accept(long line, NormalizedFinding f) {
        accepted.computeIfAbsent(line, k -> new ArrayList<>()).add(f);
    }

    @Override
    public void reject(FieldError e) {
        rejected.add(e);
    }

    List<NormalizedFinding> findings() {
        List<NormalizedFinding> out = new ArrayList<>();
        accepted.values().forEach(out::addAll);
        return out;
    }

    NormalizedFinding only(long line) {
        List<NormalizedFinding> l = accepted.get(line);
        if (l == null || l.size() != 1) {
            throw new AssertionError("expected one finding at line " + line + ", got " + l + "; rejected: "
                    + rejected);
        }
        return l.get(0);
    }

    FieldError rejection(long line) {
        for (FieldError e : rejected) {
            if (e.line() != null && e.line() == line) {
                return e;
            }
        }
        throw new AssertionError("no rejection at line " + line + "; rejected: " + rejected);
    }
}
