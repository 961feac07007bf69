package cn.linli.portal.internal;

import cn.linli.access.PersonalField;

/** The personal field under which the portal encrypts subscribers' phones. */
public final class PortalReportsPhone {

    public static final PersonalField FIELD = new PersonalField("portal.subscription.phone");

    private PortalReportsPhone() {
    }
}
