package org.thyronco.genomics.normalize;

/** Kind of molecular finding. */
public enum FindingType {
    VARIANT,
    FUSION,
    COPY_NUMBER,
    TMB,
    MSI,
    PD_L1
}
