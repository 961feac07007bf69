package cn.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The city administrator issues a key (shown once), sees the application listed, and revokes it. */
@IntegrationTest
class ClientPagesIT {

    private static final Pattern KEY = Pattern.compile("l311_[A-Za-z0-9_-]{20,}");

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Open311Clients clients;

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyIsShownOnceListedByItsPrefixAndRevoked() throws Exception {
        String name = "街道App-" + UUID.randomUUID().toString().substring(0, 8);
        MvcResult issued = perform(post("/open311/clients").with(SignedIn.as(accounts, "admin")).with(csrf())
                .param("name", name).param("perMinute", "30"));
        assertThat(issued.getResponse().getStatus()).isEqualTo(200);
        Matcher m = KEY.matcher(page(issued));
        assertThat(m.find()).as("the new key is on the answer page").isTrue();
        String key = m.group();
        Open311Client client = clients.authenticate(key).orElseThrow();
        assertThat(client.name()).isEqualTo(name);
        assertThat(client.perMinute()).isEqualTo(30);

        String list = page(perform(get("/open311/clients").with(SignedIn.as(accounts, "admin"))));
        assertThat(list).contains(name).contains(key.substring(0, 12)).as("never shown again").doesNotContain(key);
        assertThat(page(perform(get("/open311/clients").with(SignedIn.as(accounts, "admin"))))).contains("Open311");

        MvcResult revoked = perform(post("/open311/clients/" + client.id() + "/revoke").with(SignedIn.as(accounts, "admin")).with(csrf()));
        assertThat(revoked.getResponse().getStatus()).isEqualTo(302);
        assertThat(clients.authenticate(key)).isEmpty();
        assertThat(page(perform(get("/open311/clients").with(SignedIn.as(accounts, "admin"))))).contains("吊销");
    }

    @Test
    void aBadFormIsRefusedWithItsReasonAndIssuesNothing() throws Exception {
        int before = clients.clients().size();
        MvcResult refused = perform(post("/open311/clients").with(SignedIn.as(accounts, "admin")).with(csrf())
                .param("name", "坏表单").param("perMinute", "0"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        // the list may show other clients' key prefixes; no whole key (a prefix is 12 characters) is shown
        assertThat(page(refused)).contains("每分钟提交上限须在 1 到 100000 之间").doesNotContainPattern("l311_[A-Za-z0-9_-]{8,}");
        assertThat(clients.clients()).hasSize(before);
    }

    @Test
    void onlyTheCityAdministratorManagesKeys() throws Exception {
        assertThat(perform(get("/open311/clients").with(SignedIn.as(accounts, "yongan"))).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(post("/open311/clients").with(SignedIn.as(accounts, "yongan")).with(csrf()).param("name", "x")
                .param("perMinute", "5")).getResponse().getStatus()).isEqualTo(403);
        assertThat(page(perform(get("/open311/clients").with(SignedIn.as(accounts, "admin")))))
                .contains("href=\"/open311/clients\"");
        assertThat(page(perform(get("/casework/inbox").with(SignedIn.as(accounts, "yongan")))))
                .doesNotContain("href=\"/open311/clients\"");
    }
}
