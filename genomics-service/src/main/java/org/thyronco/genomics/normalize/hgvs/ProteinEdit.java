package org.thyronco.genomics.normalize.hgvs;

import java.util.List;

/** The edit part of a protein description (what happens at the residue or interval). */
public sealed interface ProteinEdit {

    /** A single residue replaced by another one (the terminator for a nonsense change). */
    record Substitution(AminoAcid alt) implements ProteinEdit {}

    /** Legacy multi-residue substitution ("TrpVal24CysArg"); lenient mode only, never normalized. */
    record MultiSubstitution(List<AminoAcid> refs, List<AminoAcid> alts) implements ProteinEdit {
        public MultiSubstitution {
            refs = List.copyOf(refs);
            alts = List.copyOf(alts);
        }
    }

    /** No change at the residue ("="). */
    record Synonymous() implements ProteinEdit {}

    /** The consequence at the residue is unknown ("Met1?"). */
    record UnknownEffect() implements ProteinEdit {}

    /** Deletion; {@code annotated} holds residues written after "del" (lenient "delLREAT"), usually empty. */
    record Deletion(List<AminoAcid> annotated) implements ProteinEdit {
        public Deletion {
            annotated = List.copyOf(annotated);
        }
    }

    /** Duplication. */
    record Duplication() implements ProteinEdit {}

    /** Insertion between two adjacent residues. */
    record Insertion(List<AminoAcid> inserted) implements ProteinEdit {
        public Insertion {
            inserted = List.copyOf(inserted);
        }
    }

    /** Deletion-insertion. */
    record DelIns(List<AminoAcid> inserted) implements ProteinEdit {
        public DelIns {
            inserted = List.copyOf(inserted);
        }
    }

    /** Frameshift; {@code newAa} and {@code stop} may be null ("Arg1039fs"). */
    record Frameshift(AminoAcid newAa, Terminal stop) implements ProteinEdit {}

    /**
     * Extension: N-terminal ({@code ext-12}, {@code upstream} true, {@code offset} = 12) or C-terminal ({@code ext*45},
     * {@code stop} set). {@code newAa} may be null.
     */
    record Extension(AminoAcid newAa, boolean upstream, Long offset, boolean offsetUnknown, Terminal stop)
            implements ProteinEdit {}
}
