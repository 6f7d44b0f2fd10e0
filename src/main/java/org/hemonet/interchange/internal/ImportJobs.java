package org.hemonet.interchange.internal;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hemonet.interchange.ImportPhase;
import org.hemonet.interchange.ImportResult;
import org.hemonet.interchange.RegistryImport;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports started from the page run here, one at a time, so the page can show a progress bar while the file is read,
 * checked and written. A job is seen only by the account that started it and is forgotten an hour after it ends (the
 * import itself is in the database and the audit log; only the report on screen goes).
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** A running or finished import as the page shows it. */
    static final class Job {
        final UUID id = UUID.randomUUID();
        final UUID owner;
        final String centreName;
        final String fileName;
        final boolean dryRun;
        volatile ImportPhase phase = ImportPhase.READING;
        volatile long done;
        volatile long total;
        volatile @Nullable ImportResult result;
        volatile @Nullable String failure;
        volatile @Nullable Instant endedAt;

        Job(UUID owner, String centreName, String fileName, boolean dryRun) {
            this.owner = owner;
            this.centreName = centreName;
            this.fileName = fileName;
            this.dryRun = dryRun;
        }

        /** 0–100 over the three phases (reading a fifth, checking a fifth, writing the rest). */
        int percent() {
            if (phase == ImportPhase.DONE || endedAt != null) {
                return 100;
            }
            double within = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
            return (int)
                    switch (phase) {
                        case READING -> 0;
                        case CHECKING -> 20 + 20 * within;
                        case WRITING -> 40 + 59 * within;
                        case DONE -> 100;
                    };
        }

        boolean finished() {
            return endedAt != null;
        }

        JobView view() {
            ImportResult r = result;
            return new JobView(id, centreName, fileName, dryRun, phase.name(), percent(), finished(), r, failure);
        }
    }

    /** What the page shows of a job. */
    public record JobView(
            UUID id,
            String centreName,
            String fileName,
            boolean dryRun,
            String phase,
            int percent,
            boolean finished,
            @Nullable ImportResult result,
            @Nullable String failure) {}

    private final RegistryImport imports;
    private final Clock clock;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "registry-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(RegistryImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    Job start(Actor actor, UUID centreId, String centreName, String fileName, byte[] content, boolean dryRun) {
        forgetOld();
        Job job = new Job(actor.accountId(), centreName, fileName, dryRun);
        jobs.put(job.id, job);
        worker.submit(() -> {
            try (var reader = ImportFiles.reader(new ByteArrayInputStream(content))) {
                job.result = imports.run(actor, centreId, reader, dryRun, (phase, done, total) -> {
                    job.phase = phase;
                    job.done = done;
                    job.total = total;
                });
            } catch (Exception e) {
                log.warn("Registry import {} failed", job.id, e);
                job.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                job.endedAt = clock.instant();
                job.phase = ImportPhase.DONE;
            }
        });
        return job;
    }

    /** The job if {@code actor} started it. */
    Optional<Job> find(Actor actor, UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(actor.accountId()));
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> j.endedAt != null && j.endedAt.isBefore(cutoff));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
