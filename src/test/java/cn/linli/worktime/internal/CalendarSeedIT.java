package cn.linli.worktime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.linli.testing.IntegrationTest;

/** The bundled calendar fills an empty table once; starting again adds nothing and brings no removed day back. */
@IntegrationTest
class CalendarSeedIT {

    @Autowired CalendarSeed seed;
    @Autowired CalendarStore store;

    @Test
    void seedingAgainChangesNothing() {
        long loaded = store.count();
        assertThat(loaded).isGreaterThan(130);
        seed.seedIfEmpty();
        seed.afterSingletonsInstantiated();
        assertThat(store.count()).isEqualTo(loaded);
    }
}
