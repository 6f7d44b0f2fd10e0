package org.hemonet.survey;

import java.time.LocalDate;

/** An instrument a patient is asked to answer now, by a date, and whether a draft of it is saved. */
public record DueSurvey(
        String instrumentId, String title, LocalDate dueBy, Recurrence recurrence, boolean draftSaved) {}
