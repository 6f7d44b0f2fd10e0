package org.hemonet.diary;

import org.jspecify.annotations.Nullable;

/** Why an entry is voided; required (security.md §19). */
public record VoidRequest(@Nullable String reason) {}
