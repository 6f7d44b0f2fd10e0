/**
 * The home-therapy diary (issue 6): bleeds and infusions logged by patients, parents and staff, corrections and voids
 * that keep history, single-entry and offline-sync APIs, and the phone pages to log them (clinical.md §3).
 *
 * <p>{@link org.hemonet.diary.BleedDiary} is the module's API. Products and the prophylaxis schedule come through the
 * {@link org.hemonet.diary.ProductCheck} and {@link org.hemonet.diary.ScheduledDoses} ports, which the product and supply
 * modules implement (issue #5). Infusions are published as {@link org.hemonet.diary.InfusionRecorded} events, one each,
 * and as one {@link org.hemonet.diary.InfusionsRecorded} per change (a sync's set), which supply counts stock from.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "audit", "product"})
@org.jspecify.annotations.NullMarked
package org.hemonet.diary;
