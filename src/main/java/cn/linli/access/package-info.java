/**
 * Access: users, roles, the acting user's jurisdiction (unit ids), login and its protection, the first administrator
 * of a production installation, and the audit log.
 * <p>
 * The API other modules use: {@link cn.linli.access.CurrentActor} (who is acting, with which roles and over which
 * units), {@link cn.linli.access.AccessManagement} (create users, change passwords),
 * {@link cn.linli.access.AccountAdministration} (the administrators' account list, creation, roles, locks, disabling
 * and resets, 三员分立), {@link cn.linli.access.UnitNames} (the names of the units users serve: an interface access
 * owns and territory implements, optional),
 * {@link cn.linli.access.UserDirectory} (look up users, e.g. the grid workers serving a grid),
 * {@link cn.linli.access.AuditLog} (record, search, export) and {@link cn.linli.access.PersonalDataProtection}
 * (encryption at rest with blind indexes, masking, audited unmask and audited reads of sensitive information).
 * Access knows units only by id, so it depends on no business module; whether a
 * {@link cn.linli.access.Jurisdiction} covers a unit is a question for territory. It uses the web frame for the page
 * layout and the JSON error format.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package cn.linli.access;
