/** Web plumbing shared by every module: API problem details, request ids. */
@org.jspecify.annotations.NullMarked
package org.hemonet.shared.web;
