package cn.linli.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.linli.organisation.UnitKind;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.UnitType;

/**
 * Which offices a territory calls for: a government per county-level unit, an office per street, town or township,
 * and a committee per community or village. Escalation follows the territory: community → street → district
 * government. Where a district manages its communities itself (the "directly administered" pseudo-township 198, or
 * communities placed right under the district after streets were abolished, as in 前进区's big-community reform)
 * there is no street office, and communities answer to the district government.
 */
public final class OfficeDerivation {

    private OfficeDerivation() {
    }

    /** Governments first, then streets, then communities, so that every supervisor comes before its subordinates. */
    public static List<WantedOffice> of(DivisionTree tree) {
        List<WantedOffice> wanted = new ArrayList<>();
        for (Division county : tree.atLevel(DivisionLevel.COUNTY)) {
            wanted.add(new WantedOffice(UnitKind.DISTRICT_GOVERNMENT, county.id(), county.name() + "人民政府", null, null,
                    county.validFrom()));
        }
        for (Division township : tree.atLevel(DivisionLevel.TOWNSHIP)) {
            if (!hasOffice(township)) continue;
            Long county = countyOf(tree, township).map(Division::id).orElse(null);
            wanted.add(new WantedOffice(UnitKind.STREET_OFFICE, township.id(), townshipOfficeName(township),
                    county == null ? null : UnitKind.DISTRICT_GOVERNMENT, county, township.validFrom()));
        }
        for (Division community : tree.atLevel(DivisionLevel.COMMUNITY)) {
            Optional<Division> parent = community.parentId() == null ? Optional.empty() : tree.find(community.parentId());
            boolean underStreet = parent.filter(p -> p.level() == DivisionLevel.TOWNSHIP && hasOffice(p)).isPresent();
            Long supervisor = underStreet ? parent.get().id() : countyOf(tree, community).map(Division::id).orElse(null);
            UnitKind supervisorKind = supervisor == null ? null : underStreet ? UnitKind.STREET_OFFICE : UnitKind.DISTRICT_GOVERNMENT;
            wanted.add(new WantedOffice(UnitKind.COMMUNITY_OFFICE, community.id(), communityOfficeName(community),
                    supervisorKind, supervisor, community.validFrom()));
        }
        return wanted;
    }

    /** The directly administered pseudo-township is the district itself, not an office of its own. */
    static boolean hasOffice(Division township) {
        return township.type() != UnitType.DIRECT_ADMINISTRATION;
    }

    static Optional<Division> countyOf(DivisionTree tree, Division unit) {
        if (unit.level() == DivisionLevel.COUNTY) return Optional.of(unit);
        return tree.ancestors(unit.id()).stream().filter(a -> a.level() == DivisionLevel.COUNTY).findFirst();
    }

    static String townshipOfficeName(Division township) {
        String name = township.name();
        return switch (township.type()) {
            case STREET -> name.endsWith("街道") ? name + "办事处" : name + "街道办事处";
            case TOWN, TOWNSHIP -> name + "人民政府";
            default -> name;
        };
    }

    static String communityOfficeName(Division community) {
        String name = community.name();
        if (name.endsWith("委会") || name.endsWith("委员会")) return name;
        return switch (community.type()) {
            case RESIDENTS_COMMITTEE -> name + "居民委员会";
            case VILLAGE_COMMITTEE -> name.endsWith("村") ? name + "民委员会" : name + "村民委员会";
            default -> name;
        };
    }
}
