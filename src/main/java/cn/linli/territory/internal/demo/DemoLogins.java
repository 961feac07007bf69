package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.linli.access.AccessManagement;
import cn.linli.access.NewUser;
import cn.linli.access.Role;
import cn.linli.territory.DivisionTree;

/**
 * The documented demo logins, one per role, each serving real units of the demo city. Only created when the demo
 * is on; production mode has no built-in user.
 */
public final class DemoLogins {

    /** The demo password, printed at start and written in the README; never used outside demo mode. */
    public static final String PASSWORD = "linli-demo-2026";

    private static final Logger LOG = LoggerFactory.getLogger(DemoLogins.class);

    record Login(String username, String displayName, Role role, List<String> unitCodes) {
    }

    static final List<Login> LOGINS = List.of(
            new Login("admin", "市民政局管理员", Role.CITY_ADMIN, List.of()),
            new Login("qianjin", "前进区民政局", Role.DISTRICT_STAFF, List.of("230804000000")),
            new Login("yongan", "永安街道办事处", Role.STREET_STAFF, List.of("230804007000")),
            new Login("yongan-sq", "永安社区工作站", Role.COMMUNITY_STAFF, List.of("230804007001")),
            new Login("wanggeyuan", "永安社区网格员", Role.GRID_WORKER, List.of("230804007001001", "230804007001002")),
            // Department staff act for a department (an organisation membership) over the places it covers.
            new Login("chengguan", "市城市管理综合执法局", Role.DEPARTMENT_STAFF, List.of("230800000000")),
            new Login("gongre", "市供热公司", Role.DEPARTMENT_STAFF,
                    List.of("230803000000", "230804000000", "230805000000", "230811000000")),
            // 三员分立: the three administrators serve no unit and see no resident or case.
            new Login("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, List.of()),
            new Login("secadmin", "安全管理员", Role.SECURITY_ADMIN, List.of()),
            new Login("auditor", "审计管理员", Role.AUDIT_ADMIN, List.of()));

    private DemoLogins() {
    }

    static void create(AccessManagement access, DivisionTree tree) {
        for (Login login : LOGINS) {
            List<Long> units = new ArrayList<>();
            for (String code : login.unitCodes()) {
                tree.findByCode(code).ifPresent(unit -> units.add(unit.id()));
            }
            if (units.size() != login.unitCodes().size()) {
                LOG.warn("demo login {} skipped: its units are not in the territory", login.username());
                continue;
            }
            access.createUser(new NewUser(login.username(), login.displayName(), PASSWORD, Set.of(login.role()), Set.copyOf(units), false));
        }
    }

    static String describe() {
        var text = new StringBuilder();
        for (Login login : LOGINS) {
            text.append(String.format("%n    %-11s %-16s %s", login.username(), login.role(), login.displayName()));
        }
        return text.append(String.format("%n    password for all: %s", PASSWORD)).toString();
    }
}
