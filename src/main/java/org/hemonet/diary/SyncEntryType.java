package org.hemonet.diary;

/** What a sync entry holds. */
public enum SyncEntryType {
    BLEED,
    INFUSION
}
