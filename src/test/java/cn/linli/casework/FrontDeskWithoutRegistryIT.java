package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Casework without the registry's {@link CallerDirectory}: the application starts, the desk offers no registry lookup,
 * finds a caller's earlier cases by phone all the same, and registers cases.
 */
@IntegrationTest
@Import(FrontDeskWithoutRegistryIT.WithoutCallerDirectory.class)
class FrontDeskWithoutRegistryIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class WithoutCallerDirectory {
        @Bean
        static BeanDefinitionRegistryPostProcessor noCallerDirectory() {
            return registry -> {
                for (String name : registry.getBeanDefinitionNames()) {
                    String type = registry.getBeanDefinition(name).getBeanClassName();
                    if (type != null && type.equals("cn.linli.registry.RegistryCallerDirectory")) registry.removeBeanDefinition(name);
                }
            };
        }
    }

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Categories categories;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    @Test
    void theDeskTakesCasesAndFindsEarlierOnesWithNoRegistryLookup() throws Exception {
        assertThat(context.getBeanProvider(CallerDirectory.class).getIfAvailable()).isNull();
        mvc.perform(get("/casework/desk").with(SignedIn.as(accounts, "yongan-sq"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"caller-search\""))));

        String key = UUID.randomUUID().toString();
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        mvc.perform(post("/casework/desk").with(csrf()).with(SignedIn.as(accounts, "yongan-sq"))
                        .param("idempotencyKey", key).param("type", "COMPLAINT").param("channel", "PHONE")
                        .param("reporterName", "钟离女士").param("reporterPhone", "13845469911")
                        .param("callerResidentId", "12345")
                        .param("categoryCode", categories.search("暴露垃圾", 1).get(0).category().code().value())
                        .param("description", "单元门口垃圾桶满溢。").param("placeUnitId", String.valueOf(grid)).param("decision", "REGISTER"))
                .andExpect(redirectedUrl("/casework/desk"));
        String number = jdbc.sql("select number from casework_case where idempotency_key = :k").param("k", key).query(String.class).single();
        mvc.perform(get("/casework/desk/caller").param("reporterPhone", "13845469911").with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString("caller-pick"))));
        mvc.perform(get("/casework/desk/residents").param("callerQuery", "钟离").with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("caller-pick"))));
    }
}
