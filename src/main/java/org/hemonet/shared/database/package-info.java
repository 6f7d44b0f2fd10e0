@org.jspecify.annotations.NullMarked
package org.hemonet.shared.database;
