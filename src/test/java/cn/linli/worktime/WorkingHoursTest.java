package cn.linli.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Office hours are periods in order that do not overlap, written HH:mm-HH:mm. */
class WorkingHoursTest {

    @Test
    void theStandardDayHasSevenHoursFromHalfPastEightToFive() {
        WorkingHours hours = WorkingHours.standard();
        assertThat(hours.dayLength()).isEqualTo(Duration.ofHours(7));
        assertThat(hours.opening()).isEqualTo(LocalTime.of(8, 30));
        assertThat(hours.closing()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void overlappingOrBackwardPeriodsAreRefused() {
        assertThatThrownBy(() -> WorkingHours.of("Asia/Shanghai", List.of("08:30-12:00", "11:30-17:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingHours.of("Asia/Shanghai", List.of("17:00-08:30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingHours.of("Asia/Shanghai", List.of("8.30 to 12")))
                .hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> WorkingHours.of("Asia/Shanghai", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
