package org.hemonet.identity.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * What the scopes of a bearer token allow (security.md §12, docs/api.md). Scopes only narrow: the account's role and
 * the {@link AccessPolicy} still decide which records it reaches.
 *
 * <p>Scopes follow SMART App Launch 2: {@code context/resource.permissions}, context {@code patient}, {@code user} or
 * {@code system}, resource {@code *} or a FHIR resource type, permissions a subset of {@code cruds} in that order (the
 * SMART 1 forms {@code read}, {@code write} and {@code *} are read as {@code rs}, {@code cud} and {@code cruds}).
 *
 * <ul>
 *   <li>{@code patient/…} counts only for {@code PATIENT} accounts, {@code user/…} only for other accounts and
 *       {@code system/…} only for client-credentials tokens (role {@code SYSTEM}); other scopes grant nothing.
 *   <li>{@code system/…} is read-only whatever permissions it lists.
 *   <li>{@code GET}/{@code HEAD} need {@code r} or {@code s}; {@code POST} needs {@code c} or {@code u};
 *       {@code PUT}/{@code PATCH} need {@code u}; {@code DELETE} needs {@code d}, except on
 *       {@code /fhir/$export-poll-status} (cancelling one's own bulk export), which needs what the export needed.
 *   <li>A resource type other than {@code *} applies only under {@code /fhir/<type>}; the {@code /api} endpoints need
 *       {@code *}.
 * </ul>
 */
final class ScopePolicy {

    private static final Pattern SMART =
            Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]+)\\.(c?r?u?d?s?|read|write|\\*)");
    private static final Pattern FHIR_TYPE = Pattern.compile("^/fhir/([A-Z][A-Za-z]+)(?:/.*)?$");

    /** One parsed SMART scope. */
    record SmartScope(String context, String resource, String permissions) {

        static Optional<SmartScope> parse(String scope) {
            Matcher m = SMART.matcher(scope);
            if (!m.matches() || m.group(3).isEmpty()) {
                return Optional.empty();
            }
            String permissions =
                    switch (m.group(3)) {
                        case "read" -> "rs";
                        case "write" -> "cud";
                        case "*" -> "cruds";
                        default -> m.group(3);
                    };
            return Optional.of(new SmartScope(m.group(1), m.group(2), permissions));
        }

        boolean appliesTo(String role) {
            return switch (context) {
                case "patient" -> role.equals(Role.PATIENT.name());
                case "system" -> role.equals(BearerActors.SYSTEM_ROLE);
                default -> !role.equals(Role.PATIENT.name()) && !role.equals(BearerActors.SYSTEM_ROLE);
            };
        }

        boolean covers(@Nullable String resourceType) {
            return resource.equals("*") || resource.equals(resourceType);
        }

        boolean grants(String method) {
            String effective = context.equals("system") ? permissions.replaceAll("[cud]", "") : permissions;
            return switch (method) {
                case "GET", "HEAD", "OPTIONS" -> effective.contains("r") || effective.contains("s");
                case "POST" -> effective.contains("c") || effective.contains("u");
                case "PUT", "PATCH" -> effective.contains("u");
                case "DELETE" -> effective.contains("d");
                default -> false;
            };
        }
    }

    private ScopePolicy() {}

    /** Whether an actor of {@code role} holding {@code scopes} may send {@code method} to {@code path}. */
    static boolean permits(String role, Collection<String> scopes, String method, String path) {
        if (role.equals(Role.DELIVERY_PROVIDER.name()) && !CourierPaths.allows(method, path)) {
            return false;
        }
        Matcher fhir = FHIR_TYPE.matcher(path);
        String resourceType = fhir.matches() ? fhir.group(1) : null;
        // FHIR Bulk Data: cancelling one's own export (DELETE on its status URL) needs what starting it needed
        String asked = method.equals("DELETE") && path.equals("/fhir/$export-poll-status") ? "GET" : method;
        return scopes.stream()
                .map(SmartScope::parse)
                .flatMap(Optional::stream)
                .anyMatch(scope -> scope.appliesTo(role) && scope.covers(resourceType) && scope.grants(asked));
    }
}
