package org.hemonet.identity.internal;

import java.util.regex.Pattern;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.Role;

/**
 * The only requests a {@link Role#DELIVERY_PROVIDER} may make (issue 5): its delivery run (page and API) and closing a
 * delivery as delivered or failed. Everything else — patient records, diaries, outcomes, PK, reports — is 403 for it,
 * whether through a session or a bearer token, so a courier account never reaches clinical data even where a
 * controller forgets to ask the {@link AccessPolicy}.
 */
final class CourierPaths {

    private static final Pattern PAGES = Pattern.compile("^/(|provider/deliveries(/.*)?)$");
    private static final Pattern API_READ = Pattern.compile("^/api/v1/provider/deliveries/?$");
    private static final Pattern API_CLOSE =
            Pattern.compile("^/api/v1/deliveries/[0-9a-fA-F-]{36}/(delivered|failed)$");

    private CourierPaths() {}

    static boolean allows(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (PAGES.matcher(path).matches()) {
            return read || (method.equals("POST") && path.startsWith("/provider/deliveries/"));
        }
        if (API_READ.matcher(path).matches()) {
            return read;
        }
        return method.equals("POST") && API_CLOSE.matcher(path).matches();
    }
}
