package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

/**
 * Offset paging of search results: {@code _count} (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}) and
 * {@code _offset}. Each page is a fresh search with the caller's own rights (no result list is cached between pages, so
 * a next link cannot be replayed by someone else); HAPI writes the {@code next} and {@code previous} links.
 */
final class Pages {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** The requested page: where it starts and how many it holds. */
    record Request(int offset, int size) {

        static Request of(@Nullable Integer offset, @Nullable Integer count) {
            int size = count == null ? DEFAULT_SIZE : Math.max(0, Math.min(count, MAX_SIZE));
            return new Request(offset == null ? 0 : Math.max(0, offset), size);
        }

        <T> List<T> slice(List<T> all) {
            int from = Math.min(offset, all.size());
            int to = (int) Math.min((long) from + size, all.size());
            return all.subList(from, to);
        }
    }

    private Pages() {}

    /** One page of {@code total} matches. */
    static IBundleProvider page(Request request, List<? extends IBaseResource> resources, int total) {
        SimpleBundleProvider page = new SimpleBundleProvider(resources);
        page.setSize(total);
        page.setCurrentPageOffset(request.offset());
        page.setCurrentPageSize(request.size());
        return page;
    }

    /** A page cut from every match. */
    static IBundleProvider slice(Request request, List<? extends IBaseResource> all) {
        return page(request, request.slice(all), all.size());
    }
}
