/**
 * Shared kernel: value types used by every module (division codes, coordinates, ids, ID numbers and
 * identity documents, phone numbers). Never services.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.linli.shared;
