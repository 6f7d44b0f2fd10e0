/** The reminder module's sources for what supply knows, and its web adapters. */
@org.jspecify.annotations.NullMarked
package org.hemonet.reminder.internal;
