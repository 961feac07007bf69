package cn.linli.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.testing.IntegrationTest;

/** Case numbers: the day and its sequence, never two alike, going on after numbers an earlier version gave out. */
@IntegrationTest
class CaseNumbersIT {

    @Autowired CaseNumbers numbers;
    @Autowired JdbcClient jdbc;

    @Test
    void aDayOpenedRunsFromOneAndADayNumberedByTheOldCounterGoesOnAfterItsLastNumber() {
        LocalDate fresh = LocalDate.of(2031, 3, 5);
        LocalDate counted = LocalDate.of(2031, 3, 4);
        jdbc.sql("insert into casework_day_counter (counter_day, last_seq) values (:day, 41)").param("day", counted).update();
        assertThatThrownBy(() -> numbers.next(fresh)).isInstanceOf(CaseNumbers.DayNotOpen.class);
        numbers.open(fresh);
        numbers.open(counted);

        assertThat(numbers.next(fresh).number()).isEqualTo("20310305-0001");
        assertThat(numbers.next(fresh).number()).isEqualTo("20310305-0002");
        assertThat(numbers.next(counted).number()).isEqualTo("20310304-0042");
    }

    @Test
    void intakesAtOnceNeverShareANumberOrAnId() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 6);
        numbers.open(day);
        Set<String> drawnNumbers = ConcurrentHashMap.newKeySet();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            running.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    CaseNumbers.Drawn drawn = numbers.next(day);
                    drawnNumbers.add(drawn.number());
                    ids.add(drawn.id());
                }
            }));
        }
        for (Future<?> f : running) f.get();
        threads.shutdown();

        assertThat(drawnNumbers).hasSize(200).contains("20310306-0001", "20310306-0200");
        assertThat(ids).hasSize(200);
    }
}
