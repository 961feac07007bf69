package cn.linli.registry.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.linli.registry.HouseholdType;
import cn.linli.registry.Relation;
import cn.linli.shared.Gender;
import cn.linli.shared.IdNumber;

/**
 * Synthetic people for the demo, the same on every start (one seed). ID numbers carry area code 230899, which is
 * not assigned in Jiamusi, so that no generated number is a real person's; their check characters and birth dates
 * are right, so that they pass every check. Phones are in 170 0000 xxxx, a range no operator issues to people.
 */
final class DemoPopulation {

    static final String AREA = "230899";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于", "董", "程", "曹",
            "袁", "邓", "许", "沈", "曾", "彭", "吕", "欧阳", "司马"};
    private static final String MALE = "伟强军磊勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆国庆德志建文";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英华玲红梅琳燕颖婷雪慧莹晶欣倩洁媛月兰桂珍";
    private static final String[] ETHNICITIES = {"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "满族", "朝鲜族",
            "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "赫哲族"};

    record Person(String name, Gender gender, LocalDate birth, String idNumber, String phone, String ethnicity,
            Relation relation, LocalDate from, List<Tag> tags) {
    }

    record Tag(String type, Integer grade, LocalDate from) {
    }

    record Home(HouseholdType type, List<Person> members) {
    }

    /**
     * How large families are: up to {@code children - 1} children, and a parent of the head living with a younger
     * head in {@code parentPercent} of homes. The community demo keeps its first sizes (about 2.2 residents a
     * household); the full city is sized to Jiamusi's (about 2.1 million residents in 800,000 households).
     */
    enum Families {
        COMMUNITY(3, 12), CITY(4, 60);

        private final int children;
        private final int parentPercent;

        Families(int children, int parentPercent) {
            this.children = children;
            this.parentPercent = parentPercent;
        }
    }

    /** Sequence numbers per date of birth and sex (GB 11643: three digits, odd for men, even for women). */
    private static final int SEQUENCES = 500;

    private final Random random;
    private final Families families;
    private final LocalDate today;
    private final Map<LocalDate, int[]> sequences = new HashMap<>();
    private int phones;

    DemoPopulation(long seed, LocalDate today) {
        this(seed, today, Families.COMMUNITY);
    }

    DemoPopulation(long seed, LocalDate today, Families families) {
        this.random = new Random(seed);
        this.today = today;
        this.families = families;
    }

    Home household() {
        int roll = random.nextInt(100);
        HouseholdType type = roll < 70 ? HouseholdType.REGISTERED : roll < 82 ? HouseholdType.RESIDENT
                : roll < 92 ? HouseholdType.RENTAL : HouseholdType.VACANT;
        if (type == HouseholdType.VACANT) return new Home(type, List.of());
        List<Person> members = new ArrayList<>();
        Gender headGender = random.nextInt(100) < 70 ? Gender.MALE : Gender.FEMALE;
        int headAge = 25 + random.nextInt(63);
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        LocalDate headBirth = birth(headAge);
        LocalDate since = later(headBirth.plusYears(20), LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_500)));
        boolean alone = random.nextInt(100) < (headAge >= 65 ? 30 : 12);
        members.add(person(surname, headGender, headBirth, Relation.HEAD, since, alone));
        if (alone) return new Home(type, members);
        if (random.nextInt(100) < 80) {
            Gender other = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
            LocalDate birth = birth(Math.max(20, headAge - 4 + random.nextInt(9)));
            members.add(person(SURNAMES[random.nextInt(SURNAMES.length)], other, birth, Relation.SPOUSE, since, false));
        }
        int children = headAge < 70 ? random.nextInt(families.children) : 0;
        for (int i = 0; i < children && headAge - 22 > 0; i++) {
            LocalDate birth = birth(random.nextInt(Math.min(headAge - 21, 30)));
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            members.add(person(surname, gender, birth, Relation.CHILD, later(since, birth), false));
        }
        if (headAge < 55 && random.nextInt(100) < families.parentPercent) {
            members.add(person(surname, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, birth(headAge + 26 + random.nextInt(8)),
                    Relation.PARENT, later(since, today.minusYears(8)), false));
        }
        return new Home(type, members);
    }

    private Person person(String surname, Gender gender, LocalDate born, Relation relation, LocalDate from, boolean alone) {
        String given = given(gender);
        LocalDate birth = withFreeSequence(born, gender);
        int age = birth.until(today).getYears();
        String phone = age >= 16 && random.nextInt(100) < 75 ? phone() : null;
        return new Person(surname + given, gender, birth, idNumber(birth, gender), phone,
                ETHNICITIES[random.nextInt(ETHNICITIES.length)], relation, from, tags(birth, age, alone));
    }

    private List<Tag> tags(LocalDate birth, int age, boolean alone) {
        List<Tag> tags = new ArrayList<>();
        if (age >= 80) tags.add(new Tag("ELDERLY_80", null, birth.plusYears(80)));
        if (alone && age >= 65) tags.add(new Tag("ELDERLY_ALONE", null, today.minusMonths(1 + random.nextInt(36))));
        int roll = random.nextInt(1000);
        if (roll < 30) tags.add(new Tag("DISABLED", 1 + random.nextInt(4), today.minusMonths(1 + random.nextInt(60))));
        else if (roll < 50) tags.add(new Tag("MINIMUM_LIVING", null, today.minusMonths(1 + random.nextInt(24))));
        else if (roll < 56 && age >= 18) tags.add(new Tag("COMMUNITY_CORRECTION", null, today.minusMonths(1 + random.nextInt(12))));
        else if (roll < 59 && age >= 18) tags.add(new Tag("DRUG_REHABILITATION", null, today.minusMonths(1 + random.nextInt(12))));
        else if (roll < 70 && age >= 60) tags.add(new Tag("ENTITLED_GROUP", null, today.minusYears(1 + random.nextInt(10))));
        return tags;
    }

    /** The date of birth, or the day before it when that date's sequence numbers for the sex are used up. */
    private LocalDate withFreeSequence(LocalDate birth, Gender gender) {
        LocalDate date = birth;
        while (sequences.computeIfAbsent(date, d -> new int[2])[gender == Gender.MALE ? 1 : 0] >= SEQUENCES) date = date.minusDays(1);
        return date;
    }

    /** 230899 + date of birth + a sequence number, odd for men and even for women (GB 11643) + check character. */
    String idNumber(LocalDate birth, Gender gender) {
        int[] next = sequences.computeIfAbsent(birth, date -> new int[2]);
        int slot = gender == Gender.MALE ? 1 : 0;
        int sequence = next[slot]++ * 2 + slot;
        String first17 = AREA + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return new IdNumber(first17 + IdNumber.checkCharacter(first17)).value();
    }

    String phone() {
        return "1700000" + String.format("%04d", phones++ % 10_000);
    }

    private String given(Gender gender) {
        String pool = gender == Gender.MALE ? MALE : FEMALE;
        String first = String.valueOf(pool.charAt(random.nextInt(pool.length())));
        return random.nextBoolean() ? first : first + pool.charAt(random.nextInt(pool.length()));
    }

    private LocalDate birth(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
