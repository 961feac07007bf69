package cn.linli.organisation.internal.demo;

import java.time.LocalDate;
import java.util.List;

import cn.linli.organisation.MemberRole;

/**
 * The demo city's functional departments and utilities. City bureaus cover the whole city; the utilities of the
 * central city (heating, water, gas) serve the four urban districts only, as the county towns have their own; the
 * two district urban-management bureaus answer to their district government. Telephone numbers are the national
 * service hotlines where one exists.
 */
final class DemoDepartments {

    static final String CITY = "230800000000";
    static final LocalDate SINCE = LocalDate.of(2023, 6, 30);
    /** Supervisor marker: the government of the department's own county. */
    static final String DISTRICT_GOVERNMENT = "district-government";

    private static final List<String> URBAN_DISTRICTS = List.of("230803000000", "230804000000", "230805000000", "230811000000");

    record Department(String name, String key, String homeCode, List<String> coverageCodes, String supervisor, String phone) {
    }

    record Member(String username, String departmentKey, String departmentName, String placeCode, MemberRole role) {
    }

    static final List<Department> ALL = List.of(
            city("佳木斯市城市管理综合执法局", "chengguan", null, "12319"),
            city("佳木斯市住房和城乡建设局", "zhujian", null, null),
            city("佳木斯市公安局", "gongan", null, "110"),
            city("佳木斯市人力资源和社会保障局", "renshe", null, "12333"),
            city("佳木斯市民政局", "minzheng", null, null),
            city("佳木斯市市场监督管理局", "shichang", null, "12315"),
            city("佳木斯市生态环境局", "huanbao", null, "12369"),
            new Department("佳木斯市供热公司", "gongre", CITY, URBAN_DISTRICTS, "zhujian", null),
            new Department("佳木斯市供水公司", "gongshui", CITY, URBAN_DISTRICTS, "zhujian", null),
            new Department("佳木斯市燃气公司", "ranqi", CITY, URBAN_DISTRICTS, "zhujian", null),
            city("国网佳木斯供电公司", "gongdian", null, "95598"),
            new Department("前进区城市管理局", "chengguan", "230804000000", List.of("230804000000"), DISTRICT_GOVERNMENT, null),
            new Department("向阳区城市管理局", "chengguan", "230803000000", List.of("230803000000"), DISTRICT_GOVERNMENT, null));

    static final List<Member> MEMBERS = List.of(
            new Member("chengguan", "chengguan", "佳木斯市城市管理综合执法局", null, MemberRole.HANDLER),
            new Member("gongre", "gongre", "佳木斯市供热公司", null, MemberRole.HANDLER),
            new Member("qianjin", null, null, "230804000000", MemberRole.DISPATCHER),
            new Member("yongan", null, null, "230804007000", MemberRole.DISPATCHER),
            new Member("yongan-sq", null, null, "230804007001", MemberRole.HANDLER));

    private DemoDepartments() {
    }

    private static Department city(String name, String key, String supervisor, String phone) {
        return new Department(name, key, CITY, List.of(CITY), supervisor, phone);
    }
}
