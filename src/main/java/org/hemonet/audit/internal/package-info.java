/** Implementation of the audit module: storage, sealing and verification of the hash chain (security.md §13–§14). */
@org.jspecify.annotations.NullMarked
package org.hemonet.audit.internal;
