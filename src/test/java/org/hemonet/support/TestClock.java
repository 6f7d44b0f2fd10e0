package org.hemonet.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The application's clock in tests: the system clock until a test sets or advances it. Every {@link IntegrationTest}
 * resets it after each test, so a test that moves time moves it only for itself. Only code that reads the injected
 * {@link Clock} follows it (sessions, TOTP and JWT expiry keep real time).
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock();

    private volatile @Nullable Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    private TestClock() {}

    /** The one clock of the test JVM (also the application's primary {@link Clock} bean). */
    public static TestClock get() {
        return INSTANCE;
    }

    /** Stops time at {@code instant}. */
    public void set(Instant instant) {
        fixed = instant;
        offset = Duration.ZERO;
    }

    /** Moves time on (a stopped clock stays stopped; a running one keeps running, shifted). */
    public void advance(Duration duration) {
        Instant stopped = fixed;
        if (stopped != null) {
            fixed = stopped.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = fixed;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(zone);
    }

    /** This clock seen in another zone: it follows every later set, advance and reset. */
    private static final class Zoned extends Clock {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return INSTANCE.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(other);
        }
    }
}
