package org.hemonet.report;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Annual reports generated in the background (issue 18), one at a time, so that a national report does not hold a
 * request thread. A job belongs to the account that started it (another account gets 404); finished jobs are kept for
 * {@link #KEPT} and then forgotten. Jobs live in memory: a restart forgets them, and the requester starts again.
 */
@Component
class AnnualReportJobs {

    static final Duration KEPT = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(AnnualReportJobs.class);

    enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    static final class Job {
        final UUID id;
        final UUID owner;
        final int year;
        final @Nullable UUID centreId;
        final Instant started;
        volatile Status status = Status.QUEUED;
        volatile int progress;
        volatile byte @Nullable [] pdf;
        volatile @Nullable Instant finished;

        Job(UUID id, UUID owner, int year, @Nullable UUID centreId, Instant started) {
            this.id = id;
            this.owner = owner;
            this.year = year;
            this.centreId = centreId;
            this.started = started;
        }
    }

    private final AnnualReport report;
    private final Clock clock;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "annual-report");
        t.setDaemon(true);
        return t;
    });

    AnnualReportJobs(AnnualReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    Job start(Actor actor, int year, @Nullable UUID centreId, Locale locale) {
        report.check(actor, year, centreId);
        forgetOld();
        Job job = new Job(UUID.randomUUID(), actor.accountId(), year, centreId, clock.instant());
        jobs.put(job.id, job);
        worker.execute(() -> {
            job.status = Status.RUNNING;
            try {
                job.pdf = report.render(actor, year, centreId, locale, p -> job.progress = p);
                job.status = Status.DONE;
            } catch (RuntimeException e) {
                log.warn("annual report {} failed", job.id, e);
                job.status = Status.FAILED;
            } finally {
                job.finished = clock.instant();
            }
        });
        return job;
    }

    Optional<Job> find(Actor actor, UUID id) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(actor.accountId()) ? Optional.of(job) : Optional.empty();
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(cutoff));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
