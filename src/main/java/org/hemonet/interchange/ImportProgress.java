package org.hemonet.interchange;

/** Told how far an import has got: {@code done} of {@code total} rows in a phase (reading, checking, writing). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> {};

    void at(ImportPhase phase, long done, long total);
}
