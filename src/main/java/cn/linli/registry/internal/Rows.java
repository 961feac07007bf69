package cn.linli.registry.internal;

import java.time.LocalDate;

import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.Relation;
import cn.linli.registry.ResidentStatus;
import cn.linli.shared.DocumentKind;
import cn.linli.shared.Gender;

/** The registry's rows as stored; identifiers stay in their stored (encrypted) form. */
public final class Rows {

    private Rows() {
    }

    public record Building(long id, String address, Double lng, Double lat, long gridId, BuildingType type, int units,
            int floors) {
    }

    public record Household(long id, long buildingId, String buildingAddress, int unitNo, int floorNo, String room,
            long gridId, HouseholdType type, String phone, String phoneIndex, Long headId, int members) {

        public String address() {
            return buildingAddress + " " + unitNo + "-" + room;
        }
    }

    public record Resident(long id, String name, Gender gender, LocalDate birthDate, DocumentKind documentKind,
            String documentNumber, String documentIndex, String phone, String phoneIndex, String ethnicity,
            String education, String employment, Boolean partyMember, ResidentStatus status, LocalDate statusSince,
            int version, LocalDate anonymisedOn) {
    }

    public record Membership(long id, long residentId, long householdId, MembershipKind kind, Relation relation,
            LocalDate validFrom, LocalDate validTo) {

        public boolean current() {
            return validTo == null;
        }

        /** valid_from inclusive, valid_to exclusive. */
        public boolean validOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
        }
    }

    public record CareTagType(String code, String nameZh, String nameEn, boolean graded, boolean sensitive, String category) {
    }

    public record CareTag(long id, long residentId, String typeCode, Integer grade, LocalDate validFrom, LocalDate validTo) {
    }

    public record Visit(long id, long householdId, LocalDate visitedOn, String visitor, String findings, boolean followUp) {
    }
}
