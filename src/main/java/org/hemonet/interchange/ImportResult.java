package org.hemonet.interchange;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do).
 *
 * @param rows the data rows of the file (not counting the header)
 * @param imported rows stored now (on a dry run: rows that would be stored); 0 whenever there are errors
 * @param unchanged rows that were stored by an earlier import of the same records and were left as they are
 * @param errors every bad row, by line and column; an import with errors stores nothing
 * @param patients new patients
 * @param inhibitorTests new Bethesda results
 * @param plans new treatment plans
 * @param infusions new infusions
 */
public record ImportResult(
        boolean dryRun,
        int rows,
        int imported,
        int unchanged,
        List<ImportError> errors,
        int patients,
        int inhibitorTests,
        int plans,
        int infusions,
        long millis) {

    public ImportResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
