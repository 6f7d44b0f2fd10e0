package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 19: the emergency number follows the network (the test network is UK: {@code hemonet.network.emergency-number}
 * defaults to 999), not the language the browser asks for.
 */
class EmergencyNumberBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US, center", "en-GB, centre"})
    void aUkPatientIsToldToCall999WhateverLanguageTheirBrowserAsksFor(String language, String centreSpelling) {
        PatientAccounts.Created patient =
                TestNetwork.in(context).centre("Emergency").patient("Ellis", "Emery");
        // the browser's own language, as a phone set to American English sends it on every request
        Page page = signIn(patient.username(), PHONE_WIDTH, true, language);
        page.navigate("/");
        var advice = page.locator("main p.muted", new Page.LocatorOptions().setHasText("emergency"));
        // the page really is in the asked-for language: American "center", British "centre"
        assertThat(advice).containsText("Then call your " + centreSpelling + ".");
        assertThat(advice).containsText("In an emergency, call 999 ");
        assertThat(advice).not().containsText("911");
        screenshot(page, "emergency-number-" + language + "-phone");
    }
}
