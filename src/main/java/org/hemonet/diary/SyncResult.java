package org.hemonet.diary;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a sync batch came to: either every entry was stored ({@code errors} empty; an entry whose id was stored before
 * reports {@code ALREADY_STORED}) or nothing was ({@code entries} empty, one error per faulty entry).
 */
public record SyncResult(List<Entry> entries, List<EntryError> errors) {

    public boolean accepted() {
        return errors.isEmpty();
    }

    /**
     * @param warnings for a newly stored infusion, what the person logging it must know now (a recalled batch; aPCC
     *     beside emicizumab, issue 13) — the same warnings an infusion logged online answers with; empty otherwise
     */
    public record Entry(UUID id, String status, List<String> warnings) {

        public Entry(UUID id, String status) {
            this(id, status, List.of());
        }
    }

    /** {@code field} is the JSON path, e.g. {@code entries[3].infusion.doseIu}. */
    public record EntryError(int index, @Nullable UUID id, String field, String message) {}
}
