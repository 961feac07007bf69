/**
 * Organisation: the units that handle cases and who works for them. District governments (区县政府, the fallback
 * owner, 兜底), functional departments and utilities (职能部门: 城管, 住建, 供热 …), street offices and town
 * governments, community and village committees.
 * <p>
 * Offices and district governments are derived from the territory in force and kept in step with it; departments
 * are entered by city administrators. {@link cn.linli.organisation.Organisation} answers the routing questions of
 * casework from memory: the district government or office of a place, the departments that handle a category key
 * there, the supervisor of a unit, the units a user acts for. {@link cn.linli.organisation.OrganisationManagement}
 * changes departments and memberships. Depends on territory (the tree and its coverage checks) and access (users,
 * roles, jurisdictions).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package cn.linli.organisation;
