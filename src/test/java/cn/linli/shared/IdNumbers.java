package cn.linli.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Valid ID numbers for tests, built like the issuing office does: area, birth date, sequence, check character. */
final class IdNumbers {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IdNumbers() {
    }

    static String of(String area, LocalDate birth, int sequence) {
        String first17 = area + birth.format(BASIC) + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** Any valid number: Heilongjiang areas (Jiamusi 2308xx) and others, born 1900 to yesterday. */
    static String random(Random random) {
        String[] areas = {"230803", "230804", "230811", "230822", "110105", "310104", "440305", "650102", "810000"};
        long days = LocalDate.now().minusDays(1).toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay();
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays((long) (random.nextDouble() * days));
        return of(areas[random.nextInt(areas.length)], birth, random.nextInt(1000));
    }
}
