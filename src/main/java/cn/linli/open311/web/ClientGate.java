package cn.linli.open311.web;

import org.springframework.stereotype.Component;

import cn.linli.open311.Open311Client;
import cn.linli.open311.Open311Clients;
import cn.linli.open311.Open311Rejected;

/** Every write names its client by {@code api_key}: unknown, revoked or missing keys get 403, a key over its limit 429. */
@Component
class ClientGate {

    private final Open311Clients clients;

    ClientGate(Open311Clients clients) {
        this.clients = clients;
    }

    Open311Client writer(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) throw new Open311Rejected(403, "api_key was not provided");
        Open311Client client = clients.authenticate(apiKey)
                .orElseThrow(() -> new Open311Rejected(403, "api_key is not valid or has been revoked"));
        if (!clients.allowWrite(client)) {
            throw new Open311Rejected(429, "api_key is over its limit of " + client.perMinute() + " requests per minute");
        }
        return client;
    }
}
