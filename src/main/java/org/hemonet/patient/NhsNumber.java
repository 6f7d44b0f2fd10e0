package org.hemonet.patient;

import org.hemonet.shared.InvalidInputException;

/**
 * NHS numbers: ten digits, the last a modulus-11 check digit over the first nine weighted 10..2 (a remainder giving 11
 * means 0; 10 means the number is invalid). Spaces and hyphens between digit groups are accepted and dropped.
 */
public final class NhsNumber {

    public static final String SCHEME = "NHS";

    private NhsNumber() {}

    /** The ten digits of a valid NHS number, or a 400 naming {@code field}. */
    public static String normalise(String text, String field) {
        String digits = text.replace(" ", "").replace("-", "");
        if (!digits.matches("[0-9]{10}")) {
            throw new InvalidInputException(field, "An NHS number has ten digits.");
        }
        if (!isValid(digits)) {
            throw new InvalidInputException(field, "This NHS number fails its check digit; please check it.");
        }
        return digits;
    }

    public static boolean isValid(String digits) {
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
