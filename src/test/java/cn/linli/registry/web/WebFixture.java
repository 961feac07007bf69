package cn.linli.registry.web;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewBuilding;
import cn.linli.registry.NewHousehold;
import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.IdNumber;
import cn.linli.territory.TerritoryQueries;

/**
 * Test data for the registry's web tests: ID numbers under the unassigned area code 230899 with sequence numbers
 * from 900 (the registry ITs use 700–800, the demo far below), phones in 170 0002 xxxx.
 */
final class WebFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(900 + ThreadLocalRandom.current().nextInt(0, 20));
    private static final AtomicInteger PHONE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 5000));

    record Person(long id, long household, long building, String name, String idNumber, String phone) {
    }

    private WebFixture() {
    }

    static String idNumber(LocalDate birth) {
        String first17 = "230899" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String phone() {
        return "1700002" + String.format("%04d", PHONE.getAndIncrement() % 10_000);
    }

    static long grid(TerritoryQueries territory, String code) {
        return territory.tree(null).findByCode(code).orElseThrow().id();
    }

    /** A resident, head of a new household in a new building of the grid, since 2001 (call as a user who may). */
    static Person person(Registry registry, TerritoryQueries territory, String gridCode, String name) {
        long building = registry.addBuilding(new NewBuilding("网页测试小区" + SEQUENCE.incrementAndGet() + "号楼", null,
                grid(territory, gridCode), BuildingType.RESIDENTIAL, 2, 6));
        long household = registry.addHousehold(new NewHousehold(building, 1, 3, "301", HouseholdType.REGISTERED, phone()));
        String id = idNumber(LocalDate.of(1948, 5, 17));
        String phone = phone();
        long resident = registry.register(new NewResident(name, DocumentKind.RESIDENT_ID_CARD, id, phone), household,
                MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2001, 1, 1));
        return new Person(resident, household, building, name, id, phone);
    }
}
