/**
 * Questionnaires (issue 16; docs/surveys.md): instruments as data shaped like FHIR Questionnaire (items with a
 * {@code linkId}, answer scales, domains with their scoring rules, versions), the centre's schedules (once, yearly,
 * before the annual review), patients' and parents' answers with drafts, and the scores computed from them on the
 * server. {@link org.hemonet.survey.Surveys} answers and schedules, {@link org.hemonet.survey.SurveyResults} is what
 * other modules (the annual review) read; storage and web adapters live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "patient", "centre", "audit", "reminder"})
@org.jspecify.annotations.NullMarked
package org.hemonet.survey;
