package org.hemonet.fuzz;

/** How long each fuzz test runs: {@code -Dfuzz.duration} of the {@code fuzz} Maven profile (default 5m). */
final class FuzzDuration {

    /** Filled in by Maven resource filtering when the profile copies this file into generated test sources. */
    static final String VALUE = "@fuzz.duration@";

    private FuzzDuration() {}
}
