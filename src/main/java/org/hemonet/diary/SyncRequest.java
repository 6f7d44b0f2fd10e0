package org.hemonet.diary;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/diary/sync}: up to {@value BleedDiary#MAX_SYNC_ENTRIES} entries. */
public record SyncRequest(@Nullable List<SyncEntry> entries) {}
