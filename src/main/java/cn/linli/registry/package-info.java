/**
 * Registry: the buildings of each grid, the households in them, the residents of each household over time (户籍 and
 * actual residence, so 人户分离 is two memberships of different kinds), care tags and grid workers' visits.
 * <p>
 * The most sensitive data of Linli, so its protection is part of the API: {@link cn.linli.registry.Registry} changes
 * it (validated, one transaction, audited), {@link cn.linli.registry.RegistryQueries} reads it only within the
 * acting user's territorial scope, with identifiers masked and sensitive care tags shown to permitted roles only,
 * each such read audited. Identifiers are stored encrypted with a blind index (access's
 * {@code PersonalDataProtection}); exact search goes through the index, never by decrypting the table. The registry
 * counts households per grid for territory's grid standard ({@code GridHouseholdCounts}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"territory", "access", "shared", "web", "casework"})
package cn.linli.registry;
