package org.hemonet.web;

import java.util.List;
import org.hemonet.identity.Role;

/** The navigation each role sees: only what it may use. Labels are message keys. */
final class Navigation {

    record Item(String href, String labelKey) {}

    private Navigation() {}

    static List<Item> forRole(Role role) {
        return switch (role) {
            case PATIENT ->
                List.of(
                        new Item("/", "nav.myRecord"),
                        new Item("/diary", "nav.diary"),
                        new Item("/treatment", "nav.treatment"),
                        new Item("/messages", "message.nav"));
            case CLINICIAN, NURSE ->
                List.of(
                        new Item("/", "nav.patients"),
                        new Item("/attention", "nav.attention"),
                        new Item("/patients/new", "nav.register"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/recalls", "nav.recalls"),
                        new Item("/deliveries", "plans.nav.deliveries"),
                        new Item("/messages", "message.nav.team"));
            case PHYSIO, SOCIAL_WORKER, LAB ->
                List.of(
                        new Item("/", "nav.patients"),
                        new Item("/attention", "nav.attention"),
                        new Item("/patients/new", "nav.register"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/messages", "message.nav.team"));
            case NETWORK_ANALYST ->
                List.of(
                        new Item("/", "nav.network"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/recalls", "nav.recalls"),
                        new Item("/reports/value", "nav.valueReports"));
            case COMMISSIONER ->
                List.of(
                        new Item("/", "nav.network"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/reports/value", "nav.valueReports"));
            case ADMIN -> List.of(new Item("/", "nav.administration"));
            case DELIVERY_PROVIDER -> List.of(new Item("/provider/deliveries", "plans.nav.providerDeliveries"));
        };
    }
}
