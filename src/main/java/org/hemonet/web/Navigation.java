package org.hemonet.web;

import java.util.List;
import org.hemonet.identity.Role;

/** The navigation each role sees: only what it may use. Labels are message keys. */
final class Navigation {

    record Item(String href, String labelKey) {}

    private Navigation() {}

    /**
     * Lists longer than this fold behind a "Menu" button on a phone (below 720 px); shorter ones (a patient's four
     * items: one or two rows at 360 px, used on every visit) stay in view so nothing a patient needs is a tap away.
     */
    static final int PHONE_MENU_ABOVE = 4;

    static boolean needsPhoneMenu(List<Item> items) {
        return items.size() > PHONE_MENU_ABOVE;
    }

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
                        new Item("/gene-therapy", "nav.geneTherapy"),
                        new Item("/trials", "trial.nav"),
                        new Item("/patients/new", "nav.register"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/recalls", "nav.recalls"),
                        new Item("/safety/adverse-events", "safety.nav.events"),
                        new Item("/safety/rates", "safety.nav.rates"),
                        new Item("/safety/pups", "safety.nav.pups"),
                        new Item("/safety/returns", "safety.nav.returns"),
                        new Item("/returns", "returns.nav"),
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
                        new Item("/safety/rates", "safety.nav.rates"),
                        new Item("/safety/pups", "safety.nav.pups"),
                        new Item("/safety/returns", "safety.nav.returns"),
                        new Item("/reports/value", "nav.valueReports"),
                        new Item("/reports/centres", "nav.centresCompared"),
                        new Item("/reports/gene-therapy", "nav.geneTherapyReport"),
                        new Item("/reports/extract", "nav.researchExtract"),
                        new Item("/returns", "returns.nav"));
            case COMMISSIONER ->
                List.of(
                        new Item("/", "nav.network"),
                        new Item("/centres", "nav.centres"),
                        new Item("/products", "nav.products"),
                        new Item("/safety/rates", "safety.nav.rates"),
                        new Item("/safety/pups", "safety.nav.pups"),
                        new Item("/safety/returns", "safety.nav.returns"),
                        new Item("/reports/value", "nav.valueReports"),
                        new Item("/reports/centres", "nav.centresCompared"),
                        new Item("/returns", "returns.nav"));
            case ADMIN -> List.of(new Item("/", "nav.administration"), new Item("/products", "nav.products"));
            case DELIVERY_PROVIDER -> List.of(new Item("/provider/deliveries", "plans.nav.providerDeliveries"));
        };
    }
}
