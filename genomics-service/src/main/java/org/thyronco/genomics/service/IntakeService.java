package org.thyronco.genomics.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.thyronco.genomics.config.GenomicsConfig;
import org.thyronco.genomics.mapping.CaseMapper;
import org.thyronco.genomics.normalize.FieldError;
import org.thyronco.genomics.normalize.FusionTsvIntake;
import org.thyronco.genomics.normalize.GenomeBuild;
import org.thyronco.genomics.normalize.IntakeSink;
import org.thyronco.genomics.normalize.IntakeSummary;
import org.thyronco.genomics.normalize.MafIntake;
import org.thyronco.genomics.normalize.MalformedInputException;
import org.thyronco.genomics.normalize.NormalizedFinding;
import org.thyronco.genomics.normalize.VcfIntake;
import org.thyronco.genomics.repository.CaseEntity;
import org.thyronco.genomics.repository.FindingEntity;
import org.thyronco.genomics.repository.IntakeJobEntity;
import org.thyronco.genomics.repository.ProfileWriter;

/**
 * File intake (VCF, MAF, fusion TSV). The upload is streamed to a spool file, never held in memory;
 * small files are processed in the request, larger ones become a job (202) whose progress can be read.
 * Any malformed record rejects the whole upload: nothing of a rejected file is stored.
 *
 * <p>Runs on worker threads (the endpoint is blocking); database work goes through
 * {@link VertxContextSupport#subscribeAndAwait}, which gives Hibernate Reactive the Vert.x context it needs.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    private static final int MAX_REPORTED_ERRORS = 1000;

    public static final List<String> FORMATS = List.of("vcf", "maf", "fusion-tsv");

    @Inject
    GenomicsConfig config;

    @Inject
    CaseService cases;

    @Inject
    ProfileService profiles;

    @Inject
    CaseMapper mapper;

    /** Progress of running jobs on this instance, merged into the job view while a job runs. */
    private final Map<UUID, Progress> running = new ConcurrentHashMap<>();

    /**
     * What an upload produced: a stored profile (sync) or an accepted job (async). A stored upload answers with the
     * profile's summary, as a finished job points to its profile: a file's findings are thousands of records (a
     * 10,000-record VCF's come to 4.5 MB of JSON, which took longer to write than the file took to store), and the
     * client reads them from the profile when it wants them.
     */
    public record Outcome(Views.ProfileSummary profile, boolean created, Views.Job job) {}

    public Outcome upload(String labId, String caseId, String format, GenomeBuild build, String sample,
            String idempotencyKey, Long declaredLength, InputStream body) throws Throwable {
        if (!FORMATS.contains(format)) {
            throw Problems.badRequest("unknown format '" + format + "'", List.of(new FieldError("format", null, null,
                    "format must be one of " + FORMATS)));
        }
        long limit = config.intake().maxUploadBytes();
        if (declaredLength != null && declaredLength > limit) {
            throw Problems.tooLarge(limit);
        }
        CaseEntity c = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> cases.owned(labId,
                caseId)));
        GenomeBuild effectiveBuild = build != null ? build : ProfileService.caseBuild(c);
        Spooled spooled = spool(body, limit, format + "|" + effectiveBuild + "|" + sample);
        Path spool = spooled.file();
        try {
            if (Files.size(spool) <= config.intake().syncUploadBytes()) {
                ProfileWriter.Written stored = readAndStore(c, format, effectiveBuild, sample, idempotencyKey, spooled,
                        new Progress());
                return new Outcome(mapper.summary(stored.profile()), stored.created(), null);
            }
            IntakeJobEntity job = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                IntakeJobEntity j = new IntakeJobEntity();
                j.id = UUID.randomUUID();
                j.caseId = caseId;
                j.format = format;
                j.state = "QUEUED";
                j.errors = "[]";
                j.createdAt = OffsetDateTime.now();
                j.updatedAt = j.createdAt;
                return j.persist();
            }));
            spool = null; // the job owns and deletes it
            Infrastructure.getDefaultWorkerPool().execute(() -> runJob(job.id, c, format, effectiveBuild, sample,
                    idempotencyKey, spooled));
            return new Outcome(null, true, mapper.job(job));
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }

    public Views.Job job(String labId, UUID id) throws Throwable {
        IntakeJobEntity j = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> IntakeJobEntity.<IntakeJobEntity>findById(id)));
        if (j == null) {
            throw Problems.notFound("job " + id + " does not exist");
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> cases.owned(labId, j.caseId)));
        Progress p = running.get(id);
        Views.Job view = mapper.job(j);
        if (p != null && "RUNNING".equals(view.state())) {
            return new Views.Job(view.id(), view.caseId(), view.format(), view.state(), p.read, p.accepted,
                    p.rejected, view.errors(), view.profileId(), view.createdAt(), view.updatedAt());
        }
        return view;
    }

    private void runJob(UUID jobId, CaseEntity c, String format, GenomeBuild build, String sample, String key,
            Spooled spooled) {
        Progress progress = new Progress();
        running.put(jobId, progress);
        try {
            updateJob(jobId, "RUNNING", progress, List.of(), null);
            ProfileWriter.Written stored = readAndStore(c, format, build, sample, key, spooled, progress);
            updateJob(jobId, "SUCCEEDED", progress, List.of(), stored.profile().id);
        } catch (Throwable e) {
            LOG.warnf("intake job %s failed: %s", jobId, e.getMessage());
            List<FieldError> errors = jobErrors(e);
            try {
                updateJob(jobId, "FAILED", progress, errors, null);
            } catch (Throwable ignored) {
                LOG.errorf("could not record failure of job %s", jobId);
            }
        } finally {
            running.remove(jobId);
            try {
                Files.deleteIfExists(spooled.file());
            } catch (IOException ignored) {
                LOG.debugf("spool %s already gone", spooled.file());
            }
        }
    }

    /**
     * Reads a spooled file into a new profile, in the request (small files) or in a job: the file is read on another
     * worker while this thread holds the storing transaction open, so each chunk of findings is inserted while the
     * next is being read. Answers the profile stored, or the one a repeated idempotency key created before. A rejected
     * file throws the problem that names every bad record, and nothing is stored.
     */
    private ProfileWriter.Written readAndStore(CaseEntity c, String format, GenomeBuild build, String sample,
            String key, Spooled spooled, Progress progress) throws Throwable {
        RowStream rows = new RowStream(ProfileWriter.FINDINGS_PER_STATEMENT);
        CompletableFuture<Parsed> reading = CompletableFuture.supplyAsync(
                () -> read(format, spooled.file(), build, sample, progress, rows),
                Infrastructure.getDefaultWorkerPool());
        ProfileWriter.Written stored = null;
        Throwable storeFailure = null;
        try {
            stored = VertxContextSupport.subscribeAndAwait(
                    () -> profiles.storeStreamed(c, format, key, spooled.hash(), rows));
        } catch (Throwable e) {
            storeFailure = e;
        } finally {
            rows.close(); // a reader still sending stops
        }
        Parsed parsed = finishedRead(reading);
        if (storeFailure != null) {
            if (parsed != null && !parsed.errors().isEmpty()) {
                throw rejected(parsed);
            }
            throw storeFailure;
        }
        return stored;
    }

    private static io.quarkiverse.resteasy.problem.HttpProblem rejected(Parsed parsed) {
        return Problems.unprocessable(parsed.rejected() + " record(s) rejected; nothing was stored", parsed.errors());
    }

    /**
     * The read's result, or null when the storing side stopped it (a failed transaction, or a repeated idempotency key
     * whose earlier profile is the answer). A read that failed on its own, a malformed file, rethrows its failure: that
     * is why the transaction failed.
     */
    private static Parsed finishedRead(CompletableFuture<Parsed> reading) throws Throwable {
        try {
            return reading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RowStream.Closed) {
                return null;
            }
            throw e.getCause();
        }
    }

    /**
     * What a failed job reports: the problem's own errors when it has them (a malformed file names its line and
     * column, as the same file would in the request), else the problem's detail, else the failure.
     */
    @SuppressWarnings("unchecked")
    static List<FieldError> jobErrors(Throwable e) {
        if (e instanceof io.quarkiverse.resteasy.problem.HttpProblem hp) {
            if (hp.getParameters().get("errors") instanceof List<?> listed && !listed.isEmpty()
                    && listed.get(0) instanceof FieldError) {
                return (List<FieldError>) listed;
            }
            return List.of(new FieldError("file", null, null, hp.getDetail()));
        }
        return List.of(new FieldError("file", null, null, "intake failed: " + e.getMessage()));
    }

    /** An upload's read: every accepted finding goes to {@code rows}; the end of the read completes or fails them. */
    private Parsed read(String format, Path file, GenomeBuild build, String sample, Progress progress,
            RowStream rows) {
        try {
            Parsed parsed = parse(format, file, build, sample, progress, rows::add);
            if (parsed.errors().isEmpty()) {
                rows.complete();
            } else {
                rows.fail(rejected(parsed));
            }
            return parsed;
        } catch (RuntimeException | Error e) {
            // Whatever stops the read must end the transaction too, or it would wait for chunks that never come.
            rows.fail(e);
            throw e;
        }
    }

    private void updateJob(UUID id, String state, Progress p, List<FieldError> errors, UUID profileId)
            throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> IntakeJobEntity.<IntakeJobEntity>findById(id).invoke(j -> {
                    j.state = state;
                    j.recordsRead = p.read;
                    j.accepted = p.accepted;
                    j.rejected = p.rejected;
                    j.errors = mapper.write(errors);
                    j.profileId = profileId;
                    j.updatedAt = OffsetDateTime.now();
                })));
    }

    /** Counters a running parse updates. */
    static final class Progress {
        volatile long read;
        volatile long accepted;
        volatile long rejected;
    }

    /** Where a parse puts each accepted finding with its row (numbered from 1 in file order). */
    interface Accepted {
        void add(NormalizedFinding finding, FindingEntity row);
    }

    /** How a read ended: the rejected records (up to {@code MAX_REPORTED_ERRORS} of them reported). */
    record Parsed(List<FieldError> errors, long rejected) {}

    /**
     * Reads a spooled file. Rows are prepared here, on the reading thread, which otherwise mostly waits for the
     * decoding workers; the transaction that stores them then has only the database work left. After the first
     * rejected record nothing more is handed to {@code out}: the file will not be stored.
     */
    Parsed parse(String format, Path file, GenomeBuild build, String sample, Progress progress, Accepted out) {
        List<FieldError> errors = new ArrayList<>();
        int[] accepted = {0};
        int maxFindings = config.intake().maxFindings();
        long[] rejected = {0};
        IntakeSink sink = new IntakeSink() {
            @Override
            public void accept(long line, NormalizedFinding f) {
                progress.read++;
                progress.accepted++;
                if (accepted[0] >= maxFindings) {
                    throw new TooManyFindings(maxFindings, line);
                }
                accepted[0]++;
                if (rejected[0] == 0) {
                    out.add(f, mapper.toEntity(accepted[0], f));
                }
            }

            @Override
            public void skip(FieldError reason) {
                // Filtered calls are counted as read but neither accepted nor an error.
                progress.read++;
            }

            @Override
            public void reject(FieldError e) {
                progress.read++;
                progress.rejected++;
                rejected[0]++;
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(e);
                }
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            IntakeSummary summary = switch (format) {
                // Decoding and normalizing VCF records is all CPU: batches run on the worker pool, two at a time.
                case "vcf" -> new VcfIntake(Infrastructure.getDefaultWorkerPool()).read(in, build, sample, sink);
                case "maf" -> new MafIntake().read(in, build, sample, sink);
                default -> new FusionTsvIntake().read(in, build, sample, sink);
            };
            LOG.debugf("parsed %d records (%d accepted, %d rejected)", summary.recordsRead(), summary.accepted(),
                    summary.rejected());
        } catch (MalformedInputException e) {
            throw Problems.unprocessable("the file is not a valid " + format + " file; nothing was stored",
                    e.errors());
        } catch (TooManyFindings e) {
            throw Problems.unprocessable(e.getMessage(), List.of(new FieldError("file", e.line, null,
                    e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(errors, rejected[0]);
    }

    /** An upload on disk and its request hash: the content's SHA-256, and how it is to be read. */
    record Spooled(Path file, String hash) {}

    /**
     * Writes the body to a spool file, hashing it on the way: idempotency compares uploads by content (and how they
     * are to be read, {@code readAs}), not by file name.
     */
    private Spooled spool(InputStream body, long limit, String readAs) throws IOException {
        Path spool = config.intake().spoolDir().isEmpty() ? Files.createTempFile("intake-", ".upload")
                : Files.createTempFile(Path.of(config.intake().spoolDir().get()), "intake-", ".upload");
        MessageDigest digest = sha256();
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(spool)) {
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw Problems.tooLarge(limit);
                }
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(spool);
            throw Problems.unprocessable("the upload is empty; nothing was stored",
                    List.of(new FieldError("file", null, null, "empty file")));
        }
        digest.update(readAs.getBytes(StandardCharsets.UTF_8));
        return new Spooled(spool, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raised when a file holds more findings than one profile may. */
    static final class TooManyFindings extends RuntimeException {
        final long line;

        TooManyFindings(int max, long line) {
            super("more than " + max + " findings in one upload");
            this.line = line;
        }
    }
}
