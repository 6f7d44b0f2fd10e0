package org.hemonet.message;

import org.jspecify.annotations.Nullable;

/** A centre's 24-hour telephone line, shown to patients beside their messages (out-of-hours banner). */
public record HelpLine(String centreName, @Nullable String phone24h) {}
