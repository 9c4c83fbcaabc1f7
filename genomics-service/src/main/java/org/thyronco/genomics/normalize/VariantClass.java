package org.thyronco.genomics.normalize;

/** Consequence class of a normalized finding. */
public enum VariantClass {
    MISSENSE,
    NONSENSE,
    FRAMESHIFT,
    INFRAME_INSERTION,
    INFRAME_DELETION,
    INFRAME_DELINS,
    SPLICE,
    PROMOTER,
    SYNONYMOUS,
    START_LOST,
    STOP_LOST,
    FUSION,
    AMPLIFICATION,
    DELETION,
    OTHER
}
