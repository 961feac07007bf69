package cn.linli.open311.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code linli.open311.*}: what discovery tells client developers about whom to ask and where keys come from. */
@ConfigurationProperties("linli.open311")
record Open311Settings(String contact, String keyService) {

    Open311Settings {
        contact = contact == null ? "佳木斯市民政局 社区建设科" : contact;
        keyService = keyService == null ? "API keys are issued by the city administrator (/open311/clients)" : keyService;
    }
}
