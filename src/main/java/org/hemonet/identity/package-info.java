/**
 * Accounts, roles, centre memberships, sign-in and the access policy: who may see which patient (security.md §1–§12).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "centre"})
@org.jspecify.annotations.NullMarked
package org.hemonet.identity;
