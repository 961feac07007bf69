package cn.linli.casework.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Categories;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/** With events off (the default) no relay runs and transitions write no outbox rows, so none pile up. */
@IntegrationTest
class CaseEventsOffIT {

    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    @Test
    void transitionsWriteNoOutboxRowsWhileEventsAreOff() {
        ActingAs.user(accounts, "yongan-sq");
        String category = categories.search("暴露垃圾", 1).get(0).category().code().value();
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        long id = work.receive(new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, "路灯不亮", null, grid, null,
                null, null, true, false, false, category, false, null)).caseId();
        ActingAs.user(accounts, "yongan");
        long bureau = organisation.unitsOf(accounts.findByUsername("chengguan").orElseThrow().id()).get(0).id();
        work.dispatch(id, queries.find(id).orElseThrow().version(), bureau, Set.of(), null);

        assertThat(jdbc.sql("select count(*) from casework_feed_outbox where case_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(context.getBeanNamesForType(CaseFeedRelay.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CaseFeedOutbox.class)).isEmpty();
    }
}
