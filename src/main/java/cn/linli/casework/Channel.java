package cn.linli.casework;

/** How a request reached the platform (standards.md, "Sources of cases"). */
public enum Channel {
    /** 窗口: the one-stop service window. */
    WINDOW,
    /** 电话: the community or hotline phone. */
    PHONE,
    /** 网站: the resident portal. */
    WEB,
    /** 移动端: a phone app or mini-program. */
    MOBILE,
    /** 网格巡查: a grid worker's patrol. */
    GRID_PATROL,
    /** 视频监控: found on video. */
    VIDEO,
    /** 领导批示: a leader's instruction. */
    LEADER,
    /** 媒体: media exposure. */
    MEDIA,
    /** 12345: transferred from the city's 12345 platform. */
    HOTLINE_12345,
    /** 接口: an outside system through the API (Open311). */
    API
}
