package org.hemonet.diary;

import org.jspecify.annotations.Nullable;

/** A clinician's note on an entry; only the text can be set. */
public record AnnotationRequest(@Nullable String text) {}
