package cn.linli.portal;

import cn.linli.shared.PhoneNumber;

/** A message for a resident about a case: to their phone, by the channel they chose, already in their words. */
public record ResidentNotice(NotificationChannel channel, PhoneNumber phone, String caseNumber, String message) {
}
