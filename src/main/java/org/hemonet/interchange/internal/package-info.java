/** The import's CSV reading, its API, page and command. */
@org.jspecify.annotations.NullMarked
package org.hemonet.interchange.internal;
