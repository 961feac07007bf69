package cn.linli.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.linli.access.AuditLog;
import cn.linli.access.Permission;
import cn.linli.access.PersonalDataProtection;
import cn.linli.registry.importing.ExportSheet;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.Scope;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * Export of the current residents of a division (a grid, a community, a street …) within the user's scope, to .xlsx
 * in the import's columns. Identifiers are masked; in full only for a role with {@link Permission#UNMASK} that states
 * a reason. Every export is audited with what, how many rows and whether unmasked; a refused one too. Sensitive care
 * tags are never exported.
 */
@Service
public class RegistryExports {

    private final RegistryScopes scopes;
    private final RegistryViews views;
    private final TerritoryQueries territory;
    private final PersonalDataProtection protection;
    private final ExportSheet sheet;
    private final AuditLog audit;

    RegistryExports(RegistryScopes scopes, RegistryViews views, TerritoryQueries territory, PersonalDataProtection protection,
            ExportSheet sheet, AuditLog audit) {
        this.scopes = scopes;
        this.views = views;
        this.territory = territory;
        this.protection = protection;
        this.sheet = sheet;
        this.audit = audit;
    }

    /**
     * @param divisionId the division to export, null for the user's whole scope
     * @param unmask     whether ID numbers and phones are wanted in full (then with a reason)
     */
    public RegistryExport export(Long divisionId, boolean unmask, String reason) {
        Scope scope = scopes.current();
        String subject = divisionId == null ? "registry scope" : "division " + divisionId;
        if (scope.isEmpty()) throw new RejectedRegistryInput("divisionId", "registry.export.error.unknown-division", divisionId);
        String why = reason == null ? "" : reason.strip();
        if (unmask && why.isEmpty()) throw new RejectedRegistryInput("reason", "registry.export.error.reason-required");
        if (why.length() > 200) throw new RejectedRegistryInput("reason", "registry.error.too-long", 200);
        if (unmask && !protection.may(Permission.UNMASK)) {
            audit.record("REGISTRY_EXPORT_REFUSED", subject, "unmasked export without permission");
            throw new AccessDeniedException("the roles of the acting user do not include " + Permission.UNMASK);
        }
        DivisionTree tree = territory.tree(LocalDate.now(Check.CITY_ZONE));
        List<Division> grids = grids(tree, divisionId, scope);
        var result = sheet.write(divisionId == null && scope.everything() ? null : grids.stream().map(Division::id).toList(),
                grids.stream().collect(Collectors.toMap(Division::id, d -> d.code().value())), unmask,
                unmask ? name -> name : views::name);
        audit.record("REGISTRY_EXPORTED", subject, "rows=" + result.rows() + "; grids=" + grids.size()
                + (unmask ? "; unmasked; reason=" + why : "; masked"));
        return new RegistryExport(result.content(), result.rows(), unmask);
    }

    private static List<Division> grids(DivisionTree tree, Long divisionId, Scope scope) {
        List<Division> all = tree.atLevel(DivisionLevel.GRID);
        if (divisionId == null) return all.stream().filter(g -> scope.covers(g.id())).toList();
        Division division = tree.find(divisionId)
                .orElseThrow(() -> new RejectedRegistryInput("divisionId", "registry.export.error.unknown-division", divisionId));
        Set<Long> under = tree.descendants(division.id()).stream().map(Division::id).collect(Collectors.toSet());
        under.add(division.id());
        List<Division> grids = all.stream().filter(g -> under.contains(g.id()) && scope.covers(g.id())).toList();
        if (grids.isEmpty()) throw new RejectedRegistryInput("divisionId", "registry.export.error.unknown-division", divisionId);
        return grids;
    }
}
