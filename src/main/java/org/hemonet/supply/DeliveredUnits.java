package org.hemonet.supply;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;
import org.hemonet.supply.internal.HomeStockQueries;
import org.springframework.stereotype.Component;

/**
 * Every delivery so far, summed by month: what a read model of delivered units is rebuilt from after rows were loaded
 * in bulk or when it is first built (issue 14). Kept current afterwards by {@link DeliveryCompleted}.
 */
@Component
public class DeliveredUnits {

    /** Units (IU or mg) of one product delivered to one patient by one centre in one month of {@code zone}. */
    public record Monthly(YearMonth month, UUID productId, UUID centreId, UUID patientId, long units) {}

    private final HomeStockQueries queries;

    DeliveredUnits(HomeStockQueries queries) {
        this.queries = queries;
    }

    /** Streams the sums, month by month in {@code zone}, to {@code each}. */
    public void forEachMonth(ZoneId zone, Consumer<Monthly> each) {
        queries.deliveredByMonth(zone.getId(), each);
    }
}
