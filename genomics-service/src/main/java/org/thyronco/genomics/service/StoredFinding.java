package org.thyronco.genomics.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.thyronco.genomics.normalize.NormalizedFinding;

/** A normalized finding as stored in a profile, with its reference within the profile ("F1", "F2", ...). */
public record StoredFinding(String ref, @JsonUnwrapped NormalizedFinding finding) {}
