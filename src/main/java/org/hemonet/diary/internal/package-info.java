/** Storage, idempotency store and web adapters of the diary; not visible to other modules. */
@org.jspecify.annotations.NullMarked
package org.hemonet.diary.internal;
