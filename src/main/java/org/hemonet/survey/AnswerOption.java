package org.hemonet.survey;

/**
 * One answer of a closed scale: the stored value and the words a person chooses (FHIR
 * {@code Questionnaire.item.answerOption.valueCoding}: {@code code} = value, {@code display}).
 */
public record AnswerOption(int value, String display) {}
