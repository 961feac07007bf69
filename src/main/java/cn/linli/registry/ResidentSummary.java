package cn.linli.registry;

import java.time.LocalDate;

import cn.linli.shared.Gender;

/** A resident in a search result: identifiers masked, the name masked for roles that do not serve residents in person. */
public record ResidentSummary(long id, String name, Gender gender, LocalDate birthDate, String document, String phone,
        ResidentStatus status) {
}
