package org.thyronco.genomics.normalize.hgvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written recursive-descent parser for the HGVS subset this service normalizes: {@code c. g. m. n.} positions and
 * edits (substitution, del, dup, ins, delins, inv, identity, uncertain intervals) and {@code p.} descriptions in one-
 * or three-letter code (substitution, nonsense, synonymous, del, dup, ins, delins, fs, ext, p.= p.? p.0).
 *
 * <p>{@link #strict()} follows the biocommons/hgvs grammar (its test table is the golden reference). {@link #lenient()}
 * additionally accepts clinical spellings: a missing {@code p.} ("V600E"), outer parentheses ("(p.Tyr365*)"),
 * deleted residues after a protein {@code del} ("L747_T751delLREAT"), and legacy multi-residue substitutions (parsed
 * only so that they can be rejected with a precise message). RNA ({@code r.}), alleles ({@code [..;..]}), repeats,
 * conversions ({@code con}) and vendor extensions ({@code copyN}) are not supported in either mode.
 *
 * <p>Ambiguity residues (B, Z, J, O, U, Asx, Glx, Xaa, Sec) are rejected on purpose: a clinical normalizer must not
 * guess a residue. 'X' is read as the terminator, as HGVS parsers do.
 */
public final class HgvsParser {

    private static final HgvsParser STRICT = new HgvsParser(false);
    private static final HgvsParser LENIENT = new HgvsParser(true);

    private final boolean lenient;

    private HgvsParser(boolean lenient) {
        this.lenient = lenient;
    }

    /** Parser that follows the biocommons/hgvs grammar. */
    public static HgvsParser strict() {
        return STRICT;
    }

    /** Parser that also accepts common clinical spellings (see class comment). */
    public static HgvsParser lenient() {
        return LENIENT;
    }

    /** True for the lenient parser. */
    public boolean isLenient() {
        return lenient;
    }

    /** Parses a complete description: {@code [accession[(GENE)]:]type.posedit}. */
    public HgvsVariant parse(String text) throws HgvsParseException {
        String t = prepare(text);
        Cur c = new Cur(t);
        String acc = null;
        String gene = null;
        boolean typed = t.length() >= 2 && "cgmnpr".indexOf(t.charAt(0)) >= 0 && t.charAt(1) == '.';
        if (!typed) {
            if (lenient && t.indexOf(':') < 0) {
                return proteinBody(c, null, null);
            }
            acc = accession(c);
            if (c.peek() == '(') {
                gene = parenGene(c);
            }
            c.expect(':');
        }
        char type = c.next();
        c.expect('.');
        switch (type) {
            case 'p':
                return proteinBody(c, acc, gene);
            case 'c':
            case 'g':
            case 'm':
            case 'n':
                return nucleotideBody(c, acc, gene, type);
            case 'r':
                throw c.err("RNA-level (r.) descriptions are not supported", c.i - 2);
            default:
                throw c.err("expected a sequence type (c. g. m. n. p.)", c.i - 2);
        }
    }

    /** Parses and requires a protein description. */
    public ProteinVariant parseProtein(String text) throws HgvsParseException {
        HgvsVariant v = parse(text);
        if (v instanceof ProteinVariant p) {
            return p;
        }
        throw new HgvsParseException("not a protein (p.) description: '" + text + "'", 0);
    }

    /** Parses and requires a nucleotide description. */
    public NucleotideVariant parseNucleotide(String text) throws HgvsParseException {
        HgvsVariant v = parse(text);
        if (v instanceof NucleotideVariant n) {
            return n;
        }
        throw new HgvsParseException("not a nucleotide (c. g. m. n.) description: '" + text + "'", 0);
    }

    // ---- grammar sub-productions (used by the golden grammar tests) ----

    /** A sequence accession ("NM_004333.6"); biocommons "accn". */
    public String accession(String text) throws HgvsParseException {
        Cur c = new Cur(text);
        String a = accession(c);
        c.expectEnd();
        return a;
    }

    /** A single nucleotide position for the given type ('c', 'g', 'm', 'n'). */
    public NucPosition position(String text, char type) throws HgvsParseException {
        Cur c = new Cur(text);
        NucPosition p = pos(c, type);
        c.expectEnd();
        return p;
    }

    /** A nucleotide interval (definite or uncertain) for the given type. */
    public NucInterval interval(String text, char type) throws HgvsParseException {
        Cur c = new Cur(text);
        NucInterval iv = interval(c, type);
        c.expectEnd();
        return iv;
    }

    /** A DNA edit, optionally in parentheses; biocommons "dna_edit_mu". */
    public NucEdit nucleotideEdit(String text) throws HgvsParseException {
        Cur c = new Cur(text);
        NucEdit e = nucEdit(c);
        c.expectEnd();
        return e;
    }

    /** Interval plus edit without the type prefix ("76+3A>T"); biocommons "c_posedit" and friends. */
    public NucleotideVariant nucleotidePosEdit(String text, char type) throws HgvsParseException {
        Cur c = new Cur(text);
        return nucleotideBody(c, null, null, type);
    }

    /** A protein position-and-edit without the "p." prefix ("Ala3Phe", "(=)"); biocommons "p_posedit". */
    public ProteinVariant proteinPosEdit(String text) throws HgvsParseException {
        Cur c = new Cur(text);
        return proteinBody(c, null, null);
    }

    /** The edit part of a protein description ("delinsAla", "Argfs*9"); biocommons "pro_edit_mu". */
    public ProteinEdit proteinEdit(String text) throws HgvsParseException {
        Cur c = new Cur(text);
        ProteinEdit e = proteinEditMu(c);
        c.expectEnd();
        return e;
    }

    /** A protein position or interval ("Met1", "Met1_Gly10", "*10", "(Met1_Gly10)"); one or two residues. */
    public List<Residue> proteinInterval(String text) throws HgvsParseException {
        Cur c = new Cur(text);
        boolean paren = c.eat('(');
        List<Residue> out = new ArrayList<>();
        out.add(residue(c));
        if (c.eat('_')) {
            out.add(residue(c));
        }
        if (paren) {
            c.expect(')');
        }
        c.expectEnd();
        return out;
    }

    // ---- implementation ----

    private String prepare(String text) throws HgvsParseException {
        if (text == null) {
            throw new HgvsParseException("no description given", 0);
        }
        String t = lenient ? text.trim() : text;
        if (t.isEmpty()) {
            throw new HgvsParseException("empty description", 0);
        }
        if (lenient && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && wrapsWhole(t)) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean wrapsWhole(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i < t.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static String accession(Cur c) throws HgvsParseException {
        int start = c.i;
        if (!isAsciiLetter(c.peek())) {
            throw c.err("expected a reference sequence accession", c.i);
        }
        c.i++;
        while (!c.end()) {
            char ch = c.peek();
            if (isAsciiLetterOrDigit(ch)) {
                c.i++;
            } else if (ch == '_' && c.i + 1 < c.s.length() && isAsciiLetterOrDigit(c.s.charAt(c.i + 1))) {
                c.i += 2;
            } else {
                break;
            }
        }
        if (c.peek() == '.' && c.i + 1 < c.s.length() && Character.isDigit(c.s.charAt(c.i + 1))) {
            c.i++;
            while (Character.isDigit(c.peek())) {
                c.i++;
            }
        }
        return c.s.substring(start, c.i);
    }

    private static String parenGene(Cur c) throws HgvsParseException {
        c.expect('(');
        int start = c.i;
        while (isAsciiLetterOrDigit(c.peek()) || c.peek() == '-') {
            c.i++;
        }
        if (c.i == start) {
            throw c.err("expected a gene symbol in parentheses", c.i);
        }
        String g = c.s.substring(start, c.i);
        c.expect(')');
        return g;
    }

    // ---- protein ----

    private ProteinVariant proteinBody(Cur c, String acc, String gene) throws HgvsParseException {
        ProteinVariant v;
        if (c.peek() == '(') {
            c.i++;
            if (c.eat('=')) {
                v = new ProteinVariant(acc, gene, true, ProteinVariant.WholeProtein.NO_CHANGE, null, null, null);
            } else {
                v = proteinInner(c, acc, gene, true);
            }
            c.expect(')');
        } else {
            v = proteinInner(c, acc, gene, false);
        }
        c.expectEnd();
        return v;
    }

    private ProteinVariant proteinInner(Cur c, String acc, String gene, boolean predicted)
            throws HgvsParseException {
        if (!predicted) {
            if (c.eat('=')) {
                return new ProteinVariant(acc, gene, false, ProteinVariant.WholeProtein.NO_CHANGE, null, null, null);
            }
            if (c.eat('?')) {
                return new ProteinVariant(acc, gene, false, ProteinVariant.WholeProtein.UNKNOWN, null, null, null);
            }
            if (c.eat("0?")) {
                return new ProteinVariant(
                        acc, gene, false, ProteinVariant.WholeProtein.NO_PROTEIN_PREDICTED, null, null, null);
            }
            if (c.peek() == '0') {
                c.i++;
                return new ProteinVariant(acc, gene, false, ProteinVariant.WholeProtein.NO_PROTEIN, null, null, null);
            }
        }
        int startIdx = c.i;
        AminoAcid first = aminoAcid(c);
        List<AminoAcid> refs = new ArrayList<>();
        refs.add(first);
        while (lenient && !c.end() && !Character.isDigit(c.peek()) && startsAminoAcid(c)) {
            refs.add(aminoAcid(c));
        }
        long p1 = digits(c, "a residue position");
        Residue start = new Residue(first, p1);
        Residue end = null;
        if (c.eat('_')) {
            if (refs.size() > 1) {
                throw c.err("unexpected interval after a multi-residue reference", c.i);
            }
            end = residue(c);
        }
        ProteinEdit edit;
        if (refs.size() > 1) {
            List<AminoAcid> alts = new ArrayList<>();
            while (!c.end() && startsAminoAcid(c)) {
                alts.add(aminoAcid(c));
            }
            if (alts.isEmpty()) {
                throw c.err("expected replacement residues", c.i);
            }
            edit = new ProteinEdit.MultiSubstitution(refs, alts);
        } else {
            edit = proteinEditMu(c);
        }
        boolean single = end == null;
        if (edit instanceof ProteinEdit.Insertion && single) {
            throw c.err("an insertion needs two flanking residues (e.g. Lys2_Gly3insGln)", startIdx);
        }
        if (!single
                && (edit instanceof ProteinEdit.Substitution
                        || edit instanceof ProteinEdit.Synonymous
                        || edit instanceof ProteinEdit.UnknownEffect
                        || edit instanceof ProteinEdit.Frameshift
                        || edit instanceof ProteinEdit.Extension)) {
            throw c.err("this edit applies to a single residue, not an interval", startIdx);
        }
        return new ProteinVariant(acc, gene, predicted, null, start, end, edit);
    }

    private Residue residue(Cur c) throws HgvsParseException {
        AminoAcid aa = aminoAcid(c);
        long p = digits(c, "a residue position");
        return new Residue(aa, p);
    }

    private ProteinEdit proteinEditMu(Cur c) throws HgvsParseException {
        if (c.peek() == '(') {
            c.i++;
            ProteinEdit e = proteinEditCore(c);
            c.expect(')');
            return e;
        }
        return proteinEditCore(c);
    }

    private ProteinEdit proteinEditCore(Cur c) throws HgvsParseException {
        if (c.eat("delins")) {
            return new ProteinEdit.DelIns(aaSeq(c));
        }
        if (c.eat("del")) {
            List<AminoAcid> annotated = List.of();
            if (lenient && !c.end() && startsAminoAcid(c)) {
                annotated = aaSeq(c);
            }
            return new ProteinEdit.Deletion(annotated);
        }
        if (c.eat("dup")) {
            return new ProteinEdit.Duplication();
        }
        if (c.eat("ins")) {
            return new ProteinEdit.Insertion(aaSeq(c));
        }
        if (c.eat('=')) {
            return new ProteinEdit.Synonymous();
        }
        if (c.eat('?')) {
            return new ProteinEdit.UnknownEffect();
        }
        if (c.eat("fs")) {
            return new ProteinEdit.Frameshift(null, terminal(c));
        }
        if (c.eat("ext")) {
            return extension(c, null);
        }
        AminoAcid aa = aminoAcid(c);
        if (c.eat("fs")) {
            return new ProteinEdit.Frameshift(aa, terminal(c));
        }
        if (c.eat("ext")) {
            return extension(c, aa);
        }
        return new ProteinEdit.Substitution(aa);
    }

    private ProteinEdit extension(Cur c, AminoAcid newAa) throws HgvsParseException {
        if (c.peek() == '-') {
            c.i++;
            return upstream(c, newAa);
        }
        if (startsTerminator(c)) {
            Terminal t = terminal(c);
            return new ProteinEdit.Extension(newAa, false, null, false, t);
        }
        if (!c.end() && startsAminoAcid(c)) {
            AminoAcid aa = aminoAcid(c);
            c.expect('-');
            return upstream(c, newAa != null ? newAa : aa);
        }
        return new ProteinEdit.Extension(newAa, false, null, false, null);
    }

    private static ProteinEdit upstream(Cur c, AminoAcid newAa) throws HgvsParseException {
        long off = digits(c, "an extension length");
        return new ProteinEdit.Extension(newAa, true, off, false, null);
    }

    private static boolean startsTerminator(Cur c) {
        return c.peek() == '*' || c.peek() == 'X' && !c.s.startsWith("Xaa", c.i) || c.s.startsWith("Ter", c.i);
    }

    /** Optional terminator after fs/ext: "*", "*10", "*?", "Ter8", "X?"; null if none. */
    private static Terminal terminal(Cur c) throws HgvsParseException {
        if (!startsTerminator(c)) {
            return null;
        }
        c.i += c.s.startsWith("Ter", c.i) ? 3 : 1;
        if (c.eat('?')) {
            return Terminal.UNKNOWN;
        }
        if (Character.isDigit(c.peek())) {
            return new Terminal(digits(c, "a distance"), false);
        }
        return Terminal.BARE;
    }

    private List<AminoAcid> aaSeq(Cur c) throws HgvsParseException {
        List<AminoAcid> out = new ArrayList<>();
        while (!c.end() && startsAminoAcid(c)) {
            AminoAcid aa = aminoAcid(c);
            out.add(aa);
            if (aa == AminoAcid.TER) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw c.err("expected an amino-acid sequence", c.i);
        }
        return out;
    }

    private static boolean startsAminoAcid(Cur c) {
        char ch = c.peek();
        return ch == '*' || ch >= 'A' && ch <= 'Z';
    }

    /**
     * One residue. Three-letter codes win when the text has the shape Xxx and is a known code; an unknown Xxx shape is
     * read as a one-letter code only when an edit keyword follows ("Gfs", "Vdel"), otherwise it is an unknown residue.
     */
    private static AminoAcid aminoAcid(Cur c) throws HgvsParseException {
        int i = c.i;
        String s = c.s;
        if (i >= s.length()) {
            throw c.err("expected an amino acid", i);
        }
        char ch = s.charAt(i);
        if (ch == '*') {
            c.i++;
            return AminoAcid.TER;
        }
        boolean threeShape = i + 3 <= s.length()
                && Character.isUpperCase(ch)
                && Character.isLowerCase(s.charAt(i + 1))
                && Character.isLowerCase(s.charAt(i + 2));
        if (threeShape) {
            String t = s.substring(i, i + 3);
            AminoAcid aa = AminoAcid.fromThree(t);
            if (aa != null) {
                c.i += 3;
                c.style(aa, 3, i);
                return aa;
            }
            boolean keywordFollows = s.startsWith("fs", i + 1)
                    || s.startsWith("ext", i + 1)
                    || s.startsWith("del", i + 1)
                    || s.startsWith("dup", i + 1)
                    || s.startsWith("ins", i + 1);
            if (!keywordFollows) {
                throw c.err("unknown amino acid '" + t + "'", i);
            }
        }
        if (ch >= 'A' && ch <= 'Z') {
            AminoAcid aa = AminoAcid.fromOne(ch);
            if (aa == null) {
                throw c.err("unknown amino acid '" + ch + "'", i);
            }
            c.i++;
            c.style(aa, 1, i);
            return aa;
        }
        throw c.err("expected an amino acid", i);
    }

    // ---- nucleotide ----

    private NucleotideVariant nucleotideBody(Cur c, String acc, String gene, char type) throws HgvsParseException {
        NucInterval iv = interval(c, type);
        boolean predicted = c.peek() == '(';
        NucEdit e = nucEdit(c);
        c.expectEnd();
        return new NucleotideVariant(acc, gene, type, iv, e, predicted);
    }

    private static NucInterval interval(Cur c, char type) throws HgvsParseException {
        int st = c.i;
        if (c.peek() == '(') {
            NucPosition[] r1 = parenRange(c, type);
            if (c.eat('_')) {
                NucPosition hi = c.peek() == '(' ? parenRange(c, type)[1] : pos(c, type);
                return new NucInterval(r1[0], hi, true, c.s.substring(st, c.i));
            }
            return new NucInterval(r1[0], r1[1], true, c.s.substring(st, c.i));
        }
        NucPosition p1 = pos(c, type);
        if (c.eat('_')) {
            if (c.peek() == '(') {
                NucPosition[] r2 = parenRange(c, type);
                return new NucInterval(p1, r2[1], true, c.s.substring(st, c.i));
            }
            NucPosition p2 = pos(c, type);
            return new NucInterval(p1, p2, false, c.s.substring(st, c.i));
        }
        return new NucInterval(p1, null, false, c.s.substring(st, c.i));
    }

    private static NucPosition[] parenRange(Cur c, char type) throws HgvsParseException {
        c.expect('(');
        NucPosition a = pos(c, type);
        c.expect('_');
        NucPosition b = pos(c, type);
        c.expect(')');
        return new NucPosition[] {a, b};
    }

    private static NucPosition pos(Cur c, char type) throws HgvsParseException {
        if (c.eat('?')) {
            return NucPosition.UNKNOWN;
        }
        boolean coding = type == 'c';
        boolean star = false;
        int sign = 1;
        int at = c.i;
        if (coding && c.eat('*')) {
            star = true;
        } else if (coding && c.peek() == '-') {
            c.i++;
            sign = -1;
        }
        long base = digits(c, "a position");
        if (base == 0) {
            throw c.err("position 0 is not a valid " + type + ". position", at);
        }
        Long offset = null;
        boolean offsetUnknown = false;
        if ((coding || type == 'n') && (c.peek() == '+' || c.peek() == '-')) {
            char sgn = c.peek();
            if (c.i + 1 < c.s.length() && c.s.charAt(c.i + 1) == '?') {
                c.i += 2;
                offsetUnknown = true;
            } else if (c.i + 1 < c.s.length() && Character.isDigit(c.s.charAt(c.i + 1))) {
                c.i++;
                long off = digits(c, "an intronic offset");
                offset = sgn == '-' ? -off : off;
            }
        }
        return new NucPosition(false, star, sign * base, offset, offsetUnknown);
    }

    private static NucEdit nucEdit(Cur c) throws HgvsParseException {
        if (c.peek() == '(') {
            c.i++;
            NucEdit e = nucEditCore(c);
            c.expect(')');
            return e;
        }
        return nucEditCore(c);
    }

    private static NucEdit nucEditCore(Cur c) throws HgvsParseException {
        if (c.eat("delins")) {
            return new NucEdit.DelIns(null, null, dnaSeq(c, true));
        }
        if (c.eat("del")) {
            if (Character.isDigit(c.peek())) {
                int count = (int) digits(c, "a count");
                if (c.eat("ins")) {
                    return new NucEdit.DelIns(null, count, dnaSeq(c, true));
                }
                return new NucEdit.Deletion(null, count);
            }
            if (isDna(c.peek())) {
                String seq = dnaSeq(c, true);
                if (c.eat("ins")) {
                    return new NucEdit.DelIns(seq, null, dnaSeq(c, true));
                }
                return new NucEdit.Deletion(seq, null);
            }
            return new NucEdit.Deletion(null, null);
        }
        if (c.eat("dup")) {
            return new NucEdit.Duplication(isDna(c.peek()) ? dnaSeq(c, true) : null);
        }
        if (c.eat("ins")) {
            return new NucEdit.Insertion(dnaSeq(c, true));
        }
        if (c.eat("inv")) {
            return new NucEdit.Inversion();
        }
        if (c.eat('=')) {
            return new NucEdit.Identity(null);
        }
        if (isDna(c.peek())) {
            int at = c.i;
            String ref = dnaSeq(c, true);
            if (c.eat('>')) {
                if (ref.length() != 1) {
                    throw c.err("a substitution replaces exactly one base; use delins for '" + ref + "'", at);
                }
                if (!isDna(c.peek())) {
                    throw c.err("expected the new base after '>'", c.i);
                }
                char alt = Character.toUpperCase(c.next());
                return new NucEdit.Substitution(ref.charAt(0), alt);
            }
            if (c.eat('=')) {
                return new NucEdit.Identity(ref);
            }
            throw c.err("expected '>' or '=' after the reference base", c.i);
        }
        throw c.err("expected a nucleotide edit (>, del, dup, ins, delins, inv, =)", c.i);
    }

    private static String dnaSeq(Cur c, boolean required) throws HgvsParseException {
        int st = c.i;
        while (isDna(c.peek())) {
            c.i++;
        }
        if (required && c.i == st) {
            throw c.err("expected a DNA sequence (A, C, G, T, N)", c.i);
        }
        return c.s.substring(st, c.i).toUpperCase(Locale.ROOT);
    }

    private static boolean isDna(char ch) {
        return "ACGTNacgtn".indexOf(ch) >= 0 && ch != '\0';
    }

    private static long digits(Cur c, String what) throws HgvsParseException {
        int st = c.i;
        while (Character.isDigit(c.peek()) && c.peek() < 128) {
            c.i++;
        }
        if (c.i == st) {
            throw c.err("expected " + what, st);
        }
        if (c.i - st > 12) {
            throw c.err("number too large", st);
        }
        return Long.parseLong(c.s.substring(st, c.i));
    }

    private static boolean isAsciiLetter(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }

    private static boolean isAsciiLetterOrDigit(char ch) {
        return isAsciiLetter(ch) || ch >= '0' && ch <= '9';
    }

    /** Cursor over the text plus the amino-acid code style seen so far (mixing styles is an error). */
    private static final class Cur {
        final String s;
        int i;
        int style;

        Cur(String s) {
            this.s = s;
        }

        boolean end() {
            return i >= s.length();
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        char next() throws HgvsParseException {
            if (end()) {
                throw err("unexpected end of description", i);
            }
            return s.charAt(i++);
        }

        boolean eat(char ch) {
            if (peek() == ch && !end()) {
                i++;
                return true;
            }
            return false;
        }

        boolean eat(String t) {
            if (s.startsWith(t, i)) {
                i += t.length();
                return true;
            }
            return false;
        }

        void expect(char ch) throws HgvsParseException {
            if (!eat(ch)) {
                throw err(end() ? "expected '" + ch + "' but the description ended" : "expected '" + ch + "'", i);
            }
        }

        void expectEnd() throws HgvsParseException {
            if (!end()) {
                throw err("unexpected '" + s.substring(i) + "'", i);
            }
        }

        void style(AminoAcid aa, int st, int at) throws HgvsParseException {
            if (aa == AminoAcid.TER) {
                return;
            }
            if (style == 0) {
                style = st;
            } else if (style != st) {
                throw err("mixed one- and three-letter amino-acid codes", at);
            }
        }

        HgvsParseException err(String msg, int at) {
            return new HgvsParseException(msg + " at position " + (at + 1) + " in '" + s + "'", at);
        }
    }
}
