package cn.linli.portal;

/** How a resident wants to hear about their case: not at all, by SMS, or through WeChat (服务号/小程序 messages). */
public enum NotificationChannel {
    NONE, SMS, WECHAT
}
