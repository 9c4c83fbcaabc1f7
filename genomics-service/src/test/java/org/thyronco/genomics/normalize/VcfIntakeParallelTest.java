package org.thyronco.genomics.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches of records decoded and normalized on other threads still reach the sink exactly as a single-threaded read
 * delivers them: same events, same order, same lines, on the calling thread.
 */
class VcfIntakeParallelTest {

    private final AtomicInteger tasks = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Every kind of outcome, spread over several batches and across their boundaries. */
    private static String mixedVcf(int records) {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##reference=GRCh38\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n");
        for (int i = 0; i < records; i++) {
            long pos = 1_000_000 + i * 10L;
            switch (i % 7) {
                case 0 -> vcf.append("chr7\t140753336\t.\tA\tT\t60\tPASS\t.\tGT\t0/0\t0/1\n"); // BRAF V600E
                case 1 -> vcf.append("chr1\t").append(pos).append("\t.\tC\tG,T\t60\tPASS\t.\tGT\t0/0\t0/2\n");
                case 2 -> vcf.append("chr2\t").append(pos).append("\t.\tC\tG\t60\tLowQual\t.\tGT\t0/0\t0/1\n");
                case 3 -> vcf.append("chr3\t").append(pos).append("\t.\tC\tZ\t60\tPASS\t.\tGT\t0/0\t0/1\n");
                case 4 -> vcf.append("chr4\t").append(pos).append("\t.\tC\tG\t60\tPASS\t.\tGT\n");
                case 5 -> vcf.append("chrUn\t").append(pos).append("\t.\tC\tG\t60\tPASS\t.\tGT\t0/0\t0/1\n");
                default -> vcf.append("chr5\t").append(pos).append("\t.\tCA\tC\t60\tPASS\t.\tGT\t0/0\t1/1\n");
            }
        }
        return vcf.toString();
    }

    private List<String> events(VcfIntake intake, String vcf, long[] counts) throws MalformedInputException {
        List<String> events = new ArrayList<>();
        Thread caller = Thread.currentThread();
        IntakeSink sink = new IntakeSink() {
            @Override
            public void accept(long line, NormalizedFinding f) {
                assertTrue(Thread.currentThread() == caller, "the sink is called on the reading thread");
                events.add("accept " + line + " " + f.raw() + " " + f.vrsId() + " " + f.proteinChange());
            }

            @Override
            public void reject(FieldError e) {
                events.add("reject " + e);
            }

            @Override
            public void skip(FieldError reason) {
                events.add("skip " + reason);
            }
        };
        IntakeSummary s = intake.read(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.US_ASCII)),
                null, "TUMOR", sink);
        counts[0] = s.recordsRead();
        counts[1] = s.accepted();
        counts[2] = s.rejected();
        return events;
    }

    @Test
    void theSinkSeesTheSameEventsInTheSameOrderAsAOneThreadRead() throws Exception {
        String vcf = mixedVcf(VcfIntake.BATCH * 3 + 17);
        long[] sequential = new long[3];
        long[] parallel = new long[3];
        List<String> expected = events(new VcfIntake(), vcf, sequential);
        List<String> actual = events(new VcfIntake(r -> {
            tasks.incrementAndGet();
            pool.execute(r);
        }), vcf, parallel);

        assertEquals(4, tasks.get(), "one task per batch of " + VcfIntake.BATCH + " records");
        assertEquals(expected, actual);
        assertArrayEquals(sequential, parallel);
        assertEquals(VcfIntake.BATCH * 3 + 17, parallel[0]);
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("accept") && e.contains("p.V600E")));
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("skip") && e.contains("FILTER")));
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("skip") && e.contains("not in the genotype")));
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("reject") && e.contains("unknown contig")));
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("reject") && e.contains("columns")));
    }

    @Test
    void aSinkFailureStopsTheReadAtItsRecord() {
        String vcf = mixedVcf(VcfIntake.BATCH + 1);
        IntakeSink failing = new IntakeSink() {
            @Override
            public void accept(long line, NormalizedFinding f) {
                throw new IllegalStateException("sink full at line " + line);
            }

            @Override
            public void reject(FieldError e) {}
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new VcfIntake(pool).read(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.US_ASCII)),
                        null, "TUMOR", failing));
        assertEquals("sink full at line 5", e.getMessage());
    }

    @Test
    void fieldsSplitsLikeStringSplitWithTrailingEmptyFields() {
        for (String s : new String[] {"", "a", "a\tb", "a\t\tb", "\ta\t", "\t\t", "chr1\t10\t.\tA\tC,G\t.\tPASS\t.\n"}) {
            assertArrayEquals(s.split("\t", -1), VcfIntake.fields(s, '\t'), s);
        }
        assertArrayEquals("C,G,".split(",", -1), VcfIntake.fields("C,G,", ','));
    }
}
