package org.hemonet.demo;

import java.util.random.RandomGenerator;

/**
 * NHS numbers for synthetic patients: ten digits whose last is the modulus-11 check digit (weights 10..2 on the first
 * nine; 11 becomes 0, 10 is invalid). All start with 999, the range reserved for test data.
 */
final class NhsNumbers {

    private NhsNumbers() {}

    static String next(RandomGenerator random) {
        while (true) {
            StringBuilder digits = new StringBuilder("999");
            for (int i = 0; i < 6; i++) {
                digits.append(random.nextInt(10));
            }
            int check = checkDigit(digits);
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    static int checkDigit(CharSequence firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }
}
