package org.hemonet.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit hash chain (security.md §14).
 *
 * @param ok {@code true} when every sealed event still hashes to its seal and no event is missing from the chain
 * @param firstBrokenSeq the sequence number of the first event (or seal) that breaks the chain; {@code null} when ok
 * @param problem what is wrong at {@code firstBrokenSeq}; {@code null} when ok
 * @param sealedEvents events covered by the chain
 * @param unsealedEvents committed events after the last seal, not yet linked (normal for a second or two after a
 *     write; a growing number means the sealer is not running)
 * @param headSeq the sequence number of the last seal found intact (before any break), {@code null} when none is
 * @param headHash its hex SHA-256; noting it outside the database (e.g. in the operations log) lets a later check show
 *     that the chain was not rewritten as a whole
 */
public record ChainVerification(
        boolean ok,
        @Nullable Long firstBrokenSeq,
        @Nullable String problem,
        long sealedEvents,
        long unsealedEvents,
        @Nullable Long headSeq,
        @Nullable String headHash) {}
