package org.thyronco.genomics.normalize.hgvs;

/** A description that does not parse; {@link #index()} is the 0-based character offset of the problem. */
public final class HgvsParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    public HgvsParseException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** 0-based offset into the parsed text where the problem was found. */
    public int index() {
        return index;
    }
}
