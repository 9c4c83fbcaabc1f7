package org.thyronco.therapy.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of knowledge values (outcome figures, citations, cautions...) that one release assembles once and
 * every answer citing it shares. A list is equal to any other list with the same elements.
 *
 * <p>It carries one memo slot for whoever presents it: an answer's writer keeps the list's rendering there, so that the
 * same values are not rendered again for every recommendation that cites them. The engine never reads the slot.
 */
public final class KnowledgeList<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> values;
    private volatile Object memo;

    private KnowledgeList(List<T> values) {
        this.values = values;
    }

    /** The values, copied. */
    public static <T> KnowledgeList<T> of(Collection<? extends T> values) {
        return new KnowledgeList<>(Collections.unmodifiableList(new ArrayList<>(values)));
    }

    @Override
    public T get(int index) {
        return values.get(index);
    }

    @Override
    public int size() {
        return values.size();
    }

    /** What the presenting layer kept for this list; null until it keeps something. */
    public Object memo() {
        return memo;
    }

    /** Keeps {@code value} for the presenting layer; a racing second writer only replaces an equal value. */
    public void memo(Object value) {
        this.memo = value;
    }
}
