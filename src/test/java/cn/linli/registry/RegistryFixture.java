package cn.linli.registry;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.linli.shared.DocumentKind;
import cn.linli.shared.IdNumber;
import cn.linli.territory.TerritoryQueries;

/**
 * Test data for the registry ITs: ID numbers under the unassigned area code 230899 with sequence numbers from 700
 * (the demo's stay far below), phones in 170 0001 xxxx (the demo uses 170 0000 xxxx).
 */
final class RegistryFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(350, 400) * 2);
    private static final AtomicInteger PHONE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 5000));

    private RegistryFixture() {
    }

    static String idNumber(LocalDate birth) {
        String first17 = "230899" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String phone() {
        return "1700001" + String.format("%04d", PHONE.getAndIncrement() % 10_000);
    }

    static NewResident resident(String name, LocalDate birth) {
        return new NewResident(name, DocumentKind.RESIDENT_ID_CARD, idNumber(birth), phone());
    }

    static long grid(TerritoryQueries territory, String code) {
        return territory.tree(null).findByCode(code).orElseThrow().id();
    }

    static long household(Registry registry, long gridId) {
        long building = registry.addBuilding(new NewBuilding("测试小区" + SEQUENCE.incrementAndGet() + "号楼", null, gridId,
                BuildingType.RESIDENTIAL, 2, 6));
        return registry.addHousehold(new NewHousehold(building, 1, 3, "301", HouseholdType.REGISTERED, phone()));
    }
}
