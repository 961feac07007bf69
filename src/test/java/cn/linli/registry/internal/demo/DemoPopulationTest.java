package cn.linli.registry.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.linli.shared.Gender;
import cn.linli.shared.IdNumber;

/** The synthetic population: the same on every run, numbers no real person can hold, families of the city's size. */
class DemoPopulationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static List<DemoPopulation.Person> people(DemoPopulation.Families families, int households) {
        var population = new DemoPopulation(20260301L, TODAY, families);
        return java.util.stream.IntStream.range(0, households).mapToObj(i -> population.household())
                .flatMap(home -> home.members().stream()).toList();
    }

    @Test
    void cityIdNumbersAreUniqueValidUnderTheUnassignedAreaAndAgreeWithBirthAndSex() {
        List<DemoPopulation.Person> people = people(DemoPopulation.Families.CITY, 20_000);
        Set<String> numbers = new HashSet<>();
        for (DemoPopulation.Person person : people) {
            IdNumber id = IdNumber.parse(person.idNumber());
            assertThat(id.value()).startsWith("230899");
            assertThat(id.value().substring(6, 14)).isEqualTo(person.birth().toString().replace("-", ""));
            assertThat(Character.getNumericValue(id.value().charAt(16)) % 2 == 1).isEqualTo(person.gender() == Gender.MALE);
            assertThat(numbers.add(id.value())).as("unique: %s", id.value()).isTrue();
        }
    }

    @Test
    void theCityHasJiamusisFamilySizeAndTheCommunityDemoKeepsItsOwn() {
        double city = people(DemoPopulation.Families.CITY, 20_000).size() / 20_000.0;
        double community = people(DemoPopulation.Families.COMMUNITY, 20_000).size() / 20_000.0;
        // about 2.1 million residents in 798,267 households: 2.6 a household
        assertThat(city).isBetween(2.5, 2.75);
        assertThat(community).isBetween(2.0, 2.35);
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        assertThat(people(DemoPopulation.Families.CITY, 500)).isEqualTo(people(DemoPopulation.Families.CITY, 500));
    }
}
