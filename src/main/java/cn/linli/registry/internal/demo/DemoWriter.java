package cn.linli.registry.internal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;

/** Writes the demo registry in batches: one statement per table and batch, keys returned by the database. */
@Component
class DemoWriter {

    record Block(String address, long gridId, int units, int floors, List<DemoPopulation.Home> homes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtection protection;

    DemoWriter(NamedParameterJdbcTemplate jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Households and residents written. */
    int[] write(List<Block> blocks, DemoPopulation population, LocalDate today) {
        List<Long> buildingIds = insert("""
                insert into registry_building (address, grid_id, type, units, floors, synthetic)
                values (:address, :grid, 'RESIDENTIAL', :units, :floors, true)""",
                blocks.stream().map(b -> (SqlParameterSource) new MapSqlParameterSource().addValue("address", b.address())
                        .addValue("grid", b.gridId()).addValue("units", b.units()).addValue("floors", b.floors())).toList());
        List<SqlParameterSource> households = new ArrayList<>();
        List<DemoPopulation.Home> homes = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            for (int i = 0; i < block.homes().size(); i++) {
                DemoPopulation.Home home = block.homes().get(i);
                int unit = 1 + i / 12;
                int floor = 1 + (i % 12) / 2;
                String phone = home.members().stream().map(DemoPopulation.Person::phone).filter(p -> p != null).findFirst().orElse(null);
                households.add(household(buildingIds.get(b), block.gridId(), unit, floor, floor * 100 + 1 + i % 2, home.type(), phone));
                homes.add(home);
            }
        }
        List<Long> householdIds = insert("""
                insert into registry_household (building_id, unit_no, floor_no, room, grid_id, type, phone, phone_index, synthetic)
                values (:building, :unit, :floor, :room, :grid, :type, :phone, :phoneIndex, true)""", households);
        int residents = residents(homes, householdIds, households, today);
        return new int[] {householdIds.size(), residents};
    }

    private int residents(List<DemoPopulation.Home> homes, List<Long> householdIds, List<SqlParameterSource> households,
            LocalDate today) {
        List<SqlParameterSource> people = new ArrayList<>();
        List<long[]> placement = new ArrayList<>();
        List<DemoPopulation.Person> persons = new ArrayList<>();
        for (int h = 0; h < homes.size(); h++) {
            for (DemoPopulation.Person person : homes.get(h).members()) {
                people.add(resident(person));
                placement.add(new long[] {householdIds.get(h), homes.get(h).type() == HouseholdType.REGISTERED ? 1 : 0,
                        (Long) households.get(h).getValue("grid")});
                persons.add(person);
            }
        }
        List<Long> ids = insert("""
                insert into registry_resident (name, gender, birth_date, document_kind, document_number, document_index,
                    phone, phone_index, ethnicity, status, synthetic)
                values (:name, :gender, :birth, 'RESIDENT_ID_CARD', :document, :documentIndex, :phone, :phoneIndex,
                    :ethnicity, 'ACTIVE', true)""", people);
        List<SqlParameterSource> memberships = new ArrayList<>();
        List<SqlParameterSource> heads = new ArrayList<>();
        List<SqlParameterSource> tags = new ArrayList<>();
        List<SqlParameterSource> visits = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            DemoPopulation.Person person = persons.get(i);
            long household = placement.get(i)[0];
            memberships.add(membership(ids.get(i), household, MembershipKind.ACTUAL, person));
            if (placement.get(i)[1] == 1) memberships.add(membership(ids.get(i), household, MembershipKind.REGISTERED, person));
            if (person.relation() == Relation.HEAD) {
                heads.add(new MapSqlParameterSource().addValue("head", ids.get(i)).addValue("id", household));
                if (Math.floorMod(ids.get(i) * 31 + household, 10) < 6) visits.add(visit(household, placement.get(i)[2], today, ids.get(i)));
            }
            for (DemoPopulation.Tag tag : person.tags()) {
                tags.add(new MapSqlParameterSource().addValue("resident", ids.get(i)).addValue("type", tag.type())
                        .addValue("grade", tag.grade()).addValue("from", tag.from()));
            }
        }
        batch("""
                insert into registry_membership (resident_id, household_id, kind, relation, valid_from)
                values (:resident, :household, :kind, :relation, :from)""", memberships);
        batch("update registry_household set head_id = :head where id = :id", heads);
        batch("insert into registry_care_tag (resident_id, type_code, grade, valid_from) values (:resident, :type, :grade, :from)", tags);
        batch("""
                insert into registry_visit (household_id, grid_id, visited_on, visitor_id, visitor, findings, follow_up, recorded_at)
                values (:household, :grid, :on, 0, 'demo', '演示数据：入户走访，情况正常。', false, :at)""", visits);
        return ids.size();
    }

    private SqlParameterSource household(long building, long grid, int unit, int floor, int room, HouseholdType type, String phone) {
        ProtectedValue protectedPhone = phone == null ? null : protection.protect(Registry.HOUSEHOLD_PHONE, phone);
        return new MapSqlParameterSource().addValue("building", building).addValue("unit", unit).addValue("floor", floor)
                .addValue("room", String.valueOf(room)).addValue("grid", grid).addValue("type", type.name())
                .addValue("phone", protectedPhone == null ? null : protectedPhone.storedText())
                .addValue("phoneIndex", protectedPhone == null ? null : protectedPhone.blindIndex());
    }

    private SqlParameterSource resident(DemoPopulation.Person person) {
        ProtectedValue document = protection.protect(Registry.RESIDENT_DOCUMENT, person.idNumber());
        ProtectedValue phone = person.phone() == null ? null : protection.protect(Registry.RESIDENT_PHONE, person.phone());
        return new MapSqlParameterSource().addValue("name", person.name()).addValue("gender", person.gender().name())
                .addValue("birth", person.birth()).addValue("document", document.storedText())
                .addValue("documentIndex", document.blindIndex())
                .addValue("phone", phone == null ? null : phone.storedText())
                .addValue("phoneIndex", phone == null ? null : phone.blindIndex()).addValue("ethnicity", person.ethnicity());
    }

    private static SqlParameterSource membership(long resident, long household, MembershipKind kind, DemoPopulation.Person person) {
        return new MapSqlParameterSource().addValue("resident", resident).addValue("household", household)
                .addValue("kind", kind.name()).addValue("relation", person.relation().name()).addValue("from", person.from());
    }

    private static SqlParameterSource visit(long household, long grid, LocalDate today, long salt) {
        return new MapSqlParameterSource().addValue("household", household).addValue("grid", grid)
                .addValue("on", today.minusDays(Math.floorMod(salt, 28))).addValue("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
    }

    private List<Long> insert(String sql, List<SqlParameterSource> rows) {
        var keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new), keys, new String[] {"id"});
        return keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
    }
}
