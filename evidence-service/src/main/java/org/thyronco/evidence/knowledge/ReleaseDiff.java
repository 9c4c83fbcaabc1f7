package org.thyronco.evidence.knowledge;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a release changes relative to its predecessor, by evidence item id. */
public record ReleaseDiff(List<String> added, List<String> changed, List<String> retired) {

    /**
     * @param before item id → content hash in the previous release (empty for the first release)
     * @param after item id → content hash in the new release
     */
    public static ReleaseDiff between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> added = new TreeSet<>();
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> retired = new TreeSet<>();
        after.forEach((id, hash) -> {
            String old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(hash)) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(retired::add);
        return new ReleaseDiff(List.copyOf(added), List.copyOf(changed), List.copyOf(retired));
    }

    public boolean nothingChanged() {
        return added.isEmpty() && changed.isEmpty() && retired.isEmpty();
    }
}
