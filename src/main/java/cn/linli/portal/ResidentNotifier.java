package cn.linli.portal;

/**
 * The port through which residents are told about their cases. The platform ships a log adapter (what would be sent,
 * with the phone masked); an SMS gateway or WeChat adapter replaces it by being a bean of this type.
 */
public interface ResidentNotifier {

    /** Sends the notice; a notice for {@link NotificationChannel#NONE} is never passed here. */
    void send(ResidentNotice notice);
}
