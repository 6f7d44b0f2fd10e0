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
                        new Item("/treatment", "nav.treatment"));
            case CLINICIAN, NURSE ->
                List.of(
                        new Item("/", "nav.patients"),
                        new Item("/patients/new", "nav.register"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/recalls", "nav.recalls"));
            case PHYSIO, SOCIAL_WORKER, LAB ->
                List.of(
                        new Item("/", "nav.patients"),
                        new Item("/patients/new", "nav.register"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"));
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
        };
    }
}
