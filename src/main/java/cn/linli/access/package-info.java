/**
 * Access: users, roles, the acting user's jurisdiction (unit ids), login protection and the audit log.
 * Knows units only by id, so it depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package cn.linli.access;
