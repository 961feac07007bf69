package cn.linli.registry.internal.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;
import cn.linli.registry.importing.BulkInsert;
import cn.linli.registry.internal.NameIndex;

/**
 * Writes the demo registry through the import's bulk path ({@code COPY} on PostgreSQL, JDBC batches elsewhere), in
 * two halves: {@link #prepare} encrypts a batch's identifiers (no database), {@link #write} writes it in the
 * caller's transaction, so that the full city can prepare the next community while the last one is written.
 */
@Component
class DemoWriter {

    record Block(String address, long gridId, int units, int floors, List<DemoPopulation.Home> homes) {
    }

    /** Blocks with every home's protected phone (or null) and every person's resident columns, in order. */
    record Batch(List<Block> blocks, List<ProtectedValue> phones, List<Object[]> residents) {
    }

    private static final List<String> RESIDENT_COLUMNS = List.of("name", "gender", "birth_date", "document_kind",
            "document_number", "document_index", "phone", "phone_index", "ethnicity", "status", "synthetic");

    private final BulkInsert bulk;
    private final PersonalDataProtection protection;

    DemoWriter(BulkInsert bulk, PersonalDataProtection protection) {
        this.bulk = bulk;
        this.protection = protection;
    }

    /** Encrypts the identifiers of the blocks' homes and people; touches no database. */
    Batch prepare(List<Block> blocks) {
        List<ProtectedValue> phones = new ArrayList<>();
        List<Object[]> residents = new ArrayList<>();
        for (Block block : blocks) {
            for (DemoPopulation.Home home : block.homes()) {
                String phone = home.members().stream().map(DemoPopulation.Person::phone).filter(p -> p != null).findFirst().orElse(null);
                phones.add(phone == null ? null : protection.protect(Registry.HOUSEHOLD_PHONE, phone));
                for (DemoPopulation.Person person : home.members()) residents.add(resident(person));
            }
        }
        return new Batch(blocks, phones, residents);
    }

    /** Households and residents written. */
    int[] write(Batch batch, LocalDate today) {
        List<Block> blocks = batch.blocks();
        List<Long> buildingIds = bulk.insertReturningIds("registry_building", List.of("address", "grid_id", "type", "units", "floors", "synthetic"),
                blocks.stream().map(b -> new Object[] {b.address(), b.gridId(), "RESIDENTIAL", b.units(), b.floors(), true}).toList());
        List<Long> residentIds = bulk.insertReturningIds("registry_resident", RESIDENT_COLUMNS, batch.residents());
        List<Object[]> households = new ArrayList<>();
        List<DemoPopulation.Home> homes = new ArrayList<>();
        List<Long> firstResident = new ArrayList<>();
        int person = 0;
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            for (int i = 0; i < block.homes().size(); i++) {
                DemoPopulation.Home home = block.homes().get(i);
                ProtectedValue phone = batch.phones().get(homes.size());
                int floor = 1 + (i % 12) / 2;
                // the head is the home's first member (DemoPopulation puts them there)
                Long head = home.members().isEmpty() ? null : residentIds.get(person);
                households.add(new Object[] {buildingIds.get(b), 1 + i / 12, floor, String.valueOf(floor * 100 + 1 + i % 2),
                        block.gridId(), home.type().name(), phone == null ? null : phone.storedText(),
                        phone == null ? null : phone.blindIndex(), head, true});
                homes.add(home);
                firstResident.add((long) person);
                person += home.members().size();
            }
        }
        List<Long> householdIds = bulk.insertReturningIds("registry_household", List.of("building_id", "unit_no", "floor_no",
                "room", "grid_id", "type", "phone", "phone_index", "head_id", "synthetic"), households);
        members(homes, householdIds, firstResident, residentIds, households, today);
        return new int[] {householdIds.size(), residentIds.size()};
    }

    private void members(List<DemoPopulation.Home> homes, List<Long> householdIds, List<Long> firstResident,
            List<Long> residentIds, List<Object[]> households, LocalDate today) {
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> visits = new ArrayList<>();
        List<Object[]> names = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int h = 0; h < homes.size(); h++) {
            DemoPopulation.Home home = homes.get(h);
            long household = householdIds.get(h);
            for (int m = 0; m < home.members().size(); m++) {
                DemoPopulation.Person p = home.members().get(m);
                long resident = residentIds.get((int) (firstResident.get(h) + m));
                memberships.add(new Object[] {resident, household, MembershipKind.ACTUAL.name(), p.relation().name(), p.from()});
                names.addAll(NameIndex.rows(resident, p.name(), List.of((Long) households.get(h)[4])));
                if (home.type() == HouseholdType.REGISTERED) {
                    memberships.add(new Object[] {resident, household, MembershipKind.REGISTERED.name(), p.relation().name(), p.from()});
                }
                if (p.relation() == Relation.HEAD && Math.floorMod(resident * 31 + household, 10) < 6) {
                    visits.add(new Object[] {household, households.get(h)[4], today.minusDays(Math.floorMod(resident, 28)),
                            0L, "demo", "演示数据：入户走访，情况正常。", false, now});
                }
                for (DemoPopulation.Tag tag : p.tags()) tags.add(new Object[] {resident, tag.type(), tag.grade(), tag.from()});
            }
        }
        bulk.insert("registry_membership", List.of("resident_id", "household_id", "kind", "relation", "valid_from"), memberships);
        bulk.insert(NameIndex.TABLE, NameIndex.COLUMNS, names);
        bulk.insert("registry_care_tag", List.of("resident_id", "type_code", "grade", "valid_from"), tags);
        bulk.insert("registry_visit", List.of("household_id", "grid_id", "visited_on", "visitor_id", "visitor", "findings",
                "follow_up", "recorded_at"), visits);
    }

    private Object[] resident(DemoPopulation.Person person) {
        ProtectedValue document = protection.protect(Registry.RESIDENT_DOCUMENT, person.idNumber());
        ProtectedValue phone = person.phone() == null ? null : protection.protect(Registry.RESIDENT_PHONE, person.phone());
        return new Object[] {person.name(), person.gender().name(), person.birth(), "RESIDENT_ID_CARD", document.storedText(),
                document.blindIndex(), phone == null ? null : phone.storedText(), phone == null ? null : phone.blindIndex(),
                person.ethnicity(), "ACTIVE", true};
    }
}
