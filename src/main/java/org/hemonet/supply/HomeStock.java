package org.hemonet.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.PatientScope;
import org.hemonet.product.Batch;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.supply.internal.HomeStockQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Home deliveries and home stock: stock = delivered − infused − wasted/expired, per product and batch, with a forecast
 * of the days it lasts at the prescribed regimen.
 *
 * <p>The diary reports infusions through {@link #infused} and {@link #infusionVoided}, keyed by its infusion id, so a
 * repeated report counts once and a voided infusion returns its vials to stock.
 */
@Service
@Transactional(readOnly = true)
public class HomeStock {

    static final String DELIVERY = "Delivery";
    static final String STOCK = "HomeStock";
    static final String PROVIDER_DELIVERY = "ProviderDelivery";
    private static final int MAX_ITEMS = 20;

    private final HomeStockQueries queries;
    private final PatientAccess access;
    private final ProductCatalogue catalogue;
    private final TreatmentPlans plans;
    private final org.hemonet.patient.PatientRegistry patients;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final int alertDays;
    private final double underLoggingShare;

    HomeStock(
            HomeStockQueries queries,
            PatientAccess access,
            ProductCatalogue catalogue,
            TreatmentPlans plans,
            org.hemonet.patient.PatientRegistry patients,
            AuditLog audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            @Value("${hemonet.supply.low-stock-days:10}") int alertDays,
            @Value("${hemonet.supply.under-logging-share:0.75}") double underLoggingShare) {
        this.queries = queries;
        this.access = access;
        this.catalogue = catalogue;
        this.plans = plans;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.alertDays = alertDays;
        this.underLoggingShare = underLoggingShare;
    }

    /** Books a delivery for a date and window. Only clinicians and nurses of the patient's centres book. */
    @Transactional
    public Delivery book(Actor actor, NewDelivery request) {
        if (request.patientId() == null) {
            throw new InvalidInputException("patientId", "A patient is required.");
        }
        UUID patientId = request.patientId();
        PatientScope scope = access.prescribe(actor, patientId, AuditAction.CREATE, DELIVERY);
        Delivery delivery;
        try {
            delivery = validate(patientId, scope, request, recipientName(actor, patientId));
        } catch (InvalidInputException e) {
            access.recordCommitted(actor, AuditAction.CREATE, patientId, DELIVERY, null, AuditOutcome.FAILED);
            throw e;
        }
        queries.insert(delivery, actor.accountId());
        audit.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, DELIVERY, delivery.id().toString(), AuditOutcome.SUCCESS));
        return delivery;
    }

    /** Confirms that a delivery arrived: its vials join the patient's home stock. */
    @Transactional
    public Delivery delivered(Actor actor, UUID deliveryId, @Nullable Integer version) {
        return close(actor, deliveryId, version, DeliveryStatus.DELIVERED, null);
    }

    /** Records that a delivery failed. */
    @Transactional
    public Delivery failed(Actor actor, UUID deliveryId, @Nullable Integer version, String reason) {
        if (reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the delivery failed (at most 500 characters).");
        }
        return close(actor, deliveryId, version, DeliveryStatus.FAILED, reason.strip());
    }

    /**
     * Schedules an ordered delivery (or re-schedules a scheduled one) for a date and window: ordered → scheduled.
     * Clinicians and nurses of the patient's centres schedule.
     */
    @Transactional
    public Delivery schedule(
            Actor actor,
            UUID deliveryId,
            @Nullable LocalDate on,
            @Nullable DeliveryWindow window,
            @Nullable String address,
            @Nullable Integer version) {
        Delivery delivery = queries.find(deliveryId).orElseThrow(() -> new NotFoundException(DELIVERY));
        access.prescribe(actor, delivery.patientId(), AuditAction.UPDATE, DELIVERY);
        LocalDate today = LocalDate.now(clock);
        if (on == null) {
            throw new InvalidInputException("scheduledFor", "A delivery date is required.");
        }
        if (on.isBefore(today) || on.isAfter(today.plusDays(180))) {
            throw new InvalidInputException("scheduledFor", "A delivery is scheduled from today to 180 days ahead.");
        }
        if (window == null) {
            throw new InvalidInputException("window", "Choose a delivery window.");
        }
        String cleanAddress = address(address);
        for (int i = 0; i < delivery.items().size(); i++) {
            Delivery.Item item = delivery.items().get(i);
            boolean expires = catalogue
                    .batch(item.productId(), item.batchNumber())
                    .map(b -> b.expiresOn().isBefore(on))
                    .orElse(false);
            if (expires) {
                throw new InvalidInputException("scheduledFor", "A batch of this delivery expires before that day.");
            }
        }
        if (!delivery.isOpen()) {
            throw new ConflictException(
                    "The delivery is already " + delivery.status().name().toLowerCase() + ".");
        }
        int expected = version == null ? delivery.version() : version;
        if (expected != delivery.version()
                || !queries.schedule(
                        deliveryId, expected, on, window, cleanAddress, clock.instant(), actor.accountId())) {
            throw new StaleVersionException();
        }
        audit.record(AuditEvent.by(
                actor,
                AuditAction.UPDATE,
                delivery.patientId(),
                DELIVERY,
                deliveryId.toString(),
                AuditOutcome.SUCCESS));
        return queries.find(deliveryId).orElseThrow();
    }

    /**
     * A centre's delivery list: deliveries of the patients registered at {@code centreId} from {@code from} to
     * {@code to}, optionally of one status. Centre staff of that centre only (others: 404 as for an unknown centre;
     * roles without patient data: 403). Each patient whose delivery is listed gets a READ audit event.
     */
    @Transactional
    public List<Delivery> centreDeliveries(
            Actor actor, UUID centreId, LocalDate from, LocalDate to, @Nullable DeliveryStatus status) {
        org.hemonet.identity.Role role = org.hemonet.identity.Role.of(actor.role());
        if (!role.isCentreStaff()) {
            throw new org.springframework.security.access.AccessDeniedException("not centre staff");
        }
        if (!actor.centreIds().contains(centreId)) {
            throw new NotFoundException("Centre");
        }
        checkPeriod(from, to);
        List<Delivery> found =
                queries.ofCentres(List.of(centreId), from, to, status == null ? List.of() : List.of(status.name()));
        auditReads(actor, found, DELIVERY);
        return found;
    }

    /**
     * A delivery provider's run for a day: the scheduled (and already closed) deliveries of the centres it serves. The
     * answer carries only what a courier needs (see {@link ProviderDelivery}); every delivery read is audited.
     */
    @Transactional
    public List<ProviderDelivery> providerDeliveries(Actor actor, LocalDate on) {
        requireProvider(actor);
        List<Delivery> found = queries.ofCentres(
                actor.centreIds(),
                on,
                on,
                List.of(
                        DeliveryStatus.SCHEDULED.name(),
                        DeliveryStatus.DELIVERED.name(),
                        DeliveryStatus.FAILED.name()));
        auditReads(actor, found, PROVIDER_DELIVERY);
        return found.stream().map(this::forProvider).toList();
    }

    public ProviderDelivery forProvider(Delivery d) {
        return new ProviderDelivery(
                d.id(),
                d.reference(),
                d.recipientName() == null ? "" : d.recipientName(),
                d.address(),
                d.scheduledFor(),
                d.window(),
                d.status(),
                d.items().stream()
                        .map(i -> new ProviderDelivery.Item(
                                catalogue
                                        .find(i.productId())
                                        .map(Product::brandName)
                                        .orElse("?"),
                                i.vials(),
                                i.iuPerVial(),
                                catalogue
                                        .find(i.productId())
                                        .map(Product::unit)
                                        .orElse(org.hemonet.product.DoseUnit.IU)))
                        .toList(),
                d.version());
    }

    private static void requireProvider(Actor actor) {
        if (!org.hemonet.identity.Role.DELIVERY_PROVIDER.name().equals(actor.role())) {
            throw new org.springframework.security.access.AccessDeniedException("not a delivery provider");
        }
    }

    private void auditReads(Actor actor, List<Delivery> deliveries, String resource) {
        for (Delivery d : deliveries) {
            audit.record(AuditEvent.by(
                    actor, AuditAction.READ, d.patientId(), resource, d.id().toString(), AuditOutcome.SUCCESS));
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw new InvalidInputException("to", "A period of at most a year, ending on or after its start.");
        }
    }

    @Transactional
    public Delivery delivery(Actor actor, UUID deliveryId) {
        Delivery delivery = queries.find(deliveryId).orElseThrow(() -> new NotFoundException(DELIVERY));
        access.read(actor, delivery.patientId(), AuditAction.READ, DELIVERY);
        audit.record(AuditEvent.by(
                actor, AuditAction.READ, delivery.patientId(), DELIVERY, deliveryId.toString(), AuditOutcome.SUCCESS));
        return delivery;
    }

    @Transactional
    public List<Delivery> deliveriesOf(Actor actor, UUID patientId) {
        access.read(actor, patientId, AuditAction.READ, DELIVERY);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, DELIVERY, null, AuditOutcome.SUCCESS));
        return queries.ofPatient(patientId);
    }

    /**
     * The patient's deliveries for a FHIR bulk export (issue 15), newest first: no access check and no audit — the
     * export has read the patient through {@code PatientRegistry.readForExport}, which checks and audits.
     */
    public List<Delivery> deliveriesForExport(UUID patientId) {
        return queries.ofPatient(patientId);
    }

    /** The patient's home stock and forecast, if the actor may read it. */
    @Transactional
    public StockReport stock(Actor actor, UUID patientId) {
        access.read(actor, patientId, AuditAction.READ, STOCK);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, STOCK, null, AuditOutcome.SUCCESS));
        return stockOf(patientId);
    }

    /** The stock report without an access check, for modules that checked access themselves. */
    public StockReport stockOf(UUID patientId) {
        LocalDate today = LocalDate.now(clock);
        List<StockLine> lines = new ArrayList<>();
        for (HomeStockQueries.StockRow row : queries.stock(patientId)) {
            if (row.vials() == 0) {
                continue;
            }
            Product product = catalogue.find(row.productId()).orElseThrow();
            LocalDate expiresOn = catalogue
                    .batch(row.productId(), row.batchNumber())
                    .map(Batch::expiresOn)
                    .orElse(null);
            lines.add(new StockLine(
                    row.productId(),
                    row.batchNumber(),
                    expiresOn,
                    row.vials(),
                    row.unitsPerVial(),
                    (long) row.vials() * row.unitsPerVial(),
                    product.unit(),
                    expiresOn != null && expiresOn.isBefore(today)));
        }
        TreatmentPlan plan = plans.activePlan(patientId, today)
                .filter(p -> p.regimen() == Regimen.PROPHYLAXIS && p.dailyUse() > 0)
                .orElse(null);
        Integer days = null;
        LocalDate suggested = null;
        if (plan != null) {
            long usable = lines.stream()
                    .filter(line -> line.productId().equals(plan.productId()) && !line.expired() && line.vials() > 0)
                    .mapToLong(StockLine::iu)
                    .sum();
            days = (int) Math.floor(usable / plan.dailyUse());
            suggested = today.plusDays(Math.max(0, days - alertDays));
        }
        return new StockReport(
                patientId,
                today,
                lines,
                plan == null ? null : plan.productId(),
                days,
                alertDays,
                days != null && days < alertDays,
                suggested);
    }

    /**
     * The diary reports an infusion from home stock. Idempotent on {@code infusionId}: a second report of the same
     * infusion changes nothing. The diary has checked access and recorded its own audit event.
     */
    @Transactional
    public void infused(
            UUID infusionId, UUID patientId, UUID productId, String batchNumber, int vials, int iuPerVial, Instant at) {
        if (vials <= 0) {
            throw new InvalidInputException("vials", "An infusion uses at least one vial.");
        }
        catalogue.requireBatch(productId, batchNumber, "batchNumber");
        queries.insertUse(patientId, productId, batchNumber, "INFUSED", vials, iuPerVial, at, infusionId, null);
    }

    /** Vials one infusion took out of home stock, for {@link #infusedAll}. */
    public record Infused(
            UUID infusionId,
            UUID patientId,
            UUID productId,
            String batchNumber,
            int vials,
            int unitsPerVial,
            Instant at) {}

    /**
     * Several infusions reported at once (one diary sync, issue 14), each as {@link #infused} would take it, in one
     * statement; all or none (a caller that must count the others when one cannot be counted reports them one by one).
     */
    @Transactional
    public void infusedAll(List<Infused> infusions) {
        java.util.Set<List<Object>> batches = new java.util.HashSet<>();
        for (Infused i : infusions) {
            if (i.vials() <= 0) {
                throw new InvalidInputException("vials", "An infusion uses at least one vial.");
            }
            if (batches.add(List.of(i.productId(), i.batchNumber()))) {
                catalogue.requireBatch(i.productId(), i.batchNumber(), "batchNumber");
            }
        }
        queries.insertInfusedUses(infusions);
    }

    /** The diary voided an infusion: its vials count as at home again. The row is kept, voided. */
    @Transactional
    public void infusionVoided(UUID infusionId, String reason) {
        queries.voidUse(infusionId, reason);
    }

    /**
     * The diary corrected an infusion: it now took {@code vials} of {@code batchNumber} (or no counted vials when
     * {@code batchNumber} is null). Replaces what the infusion had counted, so the stock is as if it had been logged
     * right the first time.
     */
    @Transactional
    public void infusionCorrected(
            UUID infusionId,
            UUID patientId,
            UUID productId,
            @Nullable String batchNumber,
            int vials,
            int iuPerVial,
            Instant at) {
        if (batchNumber == null || batchNumber.isBlank()) {
            queries.voidUse(infusionId, "corrected: no batch named");
            return;
        }
        if (vials <= 0) {
            throw new InvalidInputException("vials", "An infusion uses at least one vial.");
        }
        catalogue.requireBatch(productId, batchNumber, "batchNumber");
        queries.upsertInfused(infusionId, patientId, productId, batchNumber, vials, iuPerVial, at);
    }

    /** The batch of the product last delivered to the patient (for the diary's one-tap dose), if any. */
    public java.util.Optional<String> lastDeliveredBatch(UUID patientId, UUID productId) {
        return queries.lastDeliveredBatch(patientId, productId);
    }

    /** The patient or their team reports vials wasted or expired. */
    @Transactional
    public void wasted(Actor actor, UUID patientId, UUID productId, String batchNumber, int vials, boolean expired) {
        access.read(actor, patientId, AuditAction.CREATE, STOCK);
        if (vials <= 0 || vials > 1000) {
            throw new InvalidInputException("vials", "Between 1 and 1,000 vials.");
        }
        Batch batch = catalogue.requireBatch(productId, batchNumber, "batchNumber");
        queries.insertUse(
                patientId,
                productId,
                batch.batchNumber(),
                expired ? "EXPIRED" : "WASTED",
                vials,
                batch.unitsPerVial(),
                clock.instant(),
                null,
                actor.accountId());
        audit.record(AuditEvent.by(actor, AuditAction.CREATE, patientId, STOCK, null, AuditOutcome.SUCCESS));
    }

    /**
     * A stock-take: the patient counted {@code countedVials} of a batch at home. The difference from the computed stock
     * is recorded (positive: fewer found, they left stock; negative: more found) and returned.
     */
    @Transactional
    public int stockTake(Actor actor, UUID patientId, UUID productId, String batchNumber, int countedVials) {
        access.read(actor, patientId, AuditAction.CREATE, STOCK);
        if (countedVials < 0 || countedVials > 10_000) {
            throw new InvalidInputException("vials", "Count between 0 and 10,000 vials.");
        }
        Batch batch = catalogue.requireBatch(productId, batchNumber, "batchNumber");
        int expected = queries.stock(patientId).stream()
                .filter(row -> row.productId().equals(productId)
                        && row.batchNumber().equals(batch.batchNumber())
                        && row.unitsPerVial() == batch.unitsPerVial())
                .mapToInt(HomeStockQueries.StockRow::vials)
                .sum();
        int difference = expected - countedVials;
        if (difference != 0) {
            queries.insertUse(
                    patientId,
                    productId,
                    batch.batchNumber(),
                    "STOCK_TAKE",
                    difference,
                    batch.unitsPerVial(),
                    clock.instant(),
                    null,
                    actor.accountId());
        }
        audit.record(AuditEvent.by(actor, AuditAction.CREATE, patientId, STOCK, null, AuditOutcome.SUCCESS));
        return difference;
    }

    /**
     * Delivered against logged for the days {@code from} to {@code to} (inclusive, UTC), with the under-logging flag
     * (logged below {@code hemonet.supply.under-logging-share}, default 0.75, of delivered) and the over-use flag
     * (logged above 1.25 × what the plans scheduled).
     */
    @Transactional
    public Reconciliation reconciliation(Actor actor, UUID patientId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || to.isAfter(from.plusYears(1))) {
            throw new InvalidInputException("to", "A period of at most one year, ending on or after its start.");
        }
        access.read(actor, patientId, AuditAction.READ, STOCK);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, STOCK, "reconciliation", AuditOutcome.SUCCESS));
        Instant start = from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        long delivered = queries.deliveredUnits(patientId, start, end);
        long logged = queries.infusedUnits(patientId, start, end);
        long prescribed = plans.scheduledDoses(patientId, start, end).stream()
                .mapToLong(dose -> dose.dose().longValue())
                .sum();
        Double share = delivered == 0 ? null : (double) logged / delivered;
        return new Reconciliation(
                patientId,
                from,
                to,
                delivered,
                logged,
                prescribed,
                share,
                share != null && share < underLoggingShare,
                prescribed > 0 && logged > prescribed * 1.25);
    }

    private Delivery close(
            Actor actor, UUID deliveryId, @Nullable Integer version, DeliveryStatus status, @Nullable String reason) {
        Delivery delivery = queries.find(deliveryId).orElseThrow(() -> new NotFoundException(DELIVERY));
        if (org.hemonet.identity.Role.DELIVERY_PROVIDER.name().equals(actor.role())) {
            // a courier closes only scheduled deliveries of the centres it serves; anything else looks unknown
            if (!actor.centreIds().contains(delivery.centreId()) || delivery.status() == DeliveryStatus.ORDERED) {
                access.recordCommitted(
                        actor, AuditAction.UPDATE, delivery.patientId(), PROVIDER_DELIVERY, null, AuditOutcome.DENIED);
                throw new NotFoundException(DELIVERY);
            }
        } else {
            access.prescribe(actor, delivery.patientId(), AuditAction.UPDATE, DELIVERY);
        }
        if (!delivery.isOpen()) {
            throw new ConflictException(
                    "The delivery is already " + delivery.status().name().toLowerCase() + ".");
        }
        int expected = version == null ? delivery.version() : version;
        Instant now = clock.instant();
        if (expected != delivery.version()
                || !queries.close(deliveryId, expected, status, now, actor.accountId(), reason)) {
            throw new StaleVersionException();
        }
        if (status == DeliveryStatus.DELIVERED) {
            java.util.Map<UUID, Long> units = new java.util.LinkedHashMap<>();
            delivery.items().forEach(i -> units.merge(i.productId(), (long) i.vials() * i.iuPerVial(), Long::sum));
            events.publishEvent(new DeliveryCompleted(
                    deliveryId,
                    delivery.patientId(),
                    delivery.centreId(),
                    now,
                    units.entrySet().stream()
                            .map(e -> new DeliveryCompleted.Line(e.getKey(), e.getValue()))
                            .toList()));
        }
        audit.record(AuditEvent.by(
                actor,
                AuditAction.UPDATE,
                delivery.patientId(),
                DELIVERY,
                deliveryId.toString(),
                AuditOutcome.SUCCESS));
        return queries.find(deliveryId).orElseThrow();
    }

    private @Nullable String recipientName(Actor actor, UUID patientId) {
        return patients.find(actor, patientId)
                .map(org.hemonet.patient.PatientSummary::fullName)
                .orElse(null);
    }

    private static @Nullable String address(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        if (address.length() > 500) {
            throw new InvalidInputException("address", "An address has at most 500 characters.");
        }
        return address.strip();
    }

    private Delivery validate(UUID patientId, PatientScope scope, NewDelivery request, @Nullable String recipientName) {
        LocalDate today = LocalDate.now(clock);
        if (request.scheduledFor() == null) {
            throw new InvalidInputException("scheduledFor", "A delivery date is required.");
        }
        if (request.scheduledFor().isBefore(today.minusDays(30))
                || request.scheduledFor().isAfter(today.plusDays(180))) {
            throw new InvalidInputException("scheduledFor", "A delivery is booked from 30 days ago to 180 days ahead.");
        }
        String address = address(request.address());
        if (request.items() == null
                || request.items().isEmpty()
                || request.items().size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "A delivery has 1 to 20 items.");
        }
        List<Delivery.Item> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            NewDelivery.Item item = request.items().get(i);
            String prefix = "items[" + i + "].";
            Product product = catalogue.require(item.productId(), prefix + "productId");
            Batch batch = catalogue.requireBatch(product.id(), item.batchNumber(), prefix + "batchNumber");
            if (batch.expiresOn().isBefore(request.scheduledFor())) {
                throw new InvalidInputException(prefix + "batchNumber", "This batch expires before the delivery.");
            }
            if (item.vials() == null || item.vials() < 1 || item.vials() > 1000) {
                throw new InvalidInputException(prefix + "vials", "Between 1 and 1,000 vials.");
            }
            if (item.iuPerVial() == null || !product.hasVialSize(item.iuPerVial())) {
                throw new InvalidInputException(
                        prefix + "iuPerVial", "The product does not come in vials of this size.");
            }
            items.add(new Delivery.Item(product.id(), batch.batchNumber(), item.vials(), item.iuPerVial()));
        }
        // Without a window the delivery is only ordered (for the requested date); it is scheduled later (schedule()).
        return new Delivery(
                UUID.randomUUID(),
                patientId,
                scope.registeredCentreId(),
                request.window() == null ? DeliveryStatus.ORDERED : DeliveryStatus.SCHEDULED,
                request.scheduledFor(),
                request.window() == null ? DeliveryWindow.STANDARD : request.window(),
                items,
                clock.instant(),
                null,
                null,
                0,
                recipientName,
                address);
    }
}
