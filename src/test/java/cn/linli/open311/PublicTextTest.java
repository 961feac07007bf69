package cn.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.linli.open311.web.PublicTextProbe;

/** What public answers blank out of residents' text, and what they leave readable. */
class PublicTextTest {

    @Test
    void phonesAndIdNumbersAreBlankedDatesAndHouseNumbersStay() {
        assertThat(PublicTextProbe.redact("电话13845467788，身份证23080319800101123X。"))
                .isEqualTo("电话***********，身份证******************。");
        assertThat(PublicTextProbe.redact("打138 4546 7788或0454-8212345")).isEqualTo("打*** **** ****或****-*******");
        assertThat(PublicTextProbe.redact("2026-11-20起，3号楼2单元502室")).isEqualTo("2026-11-20起，3号楼2单元502室");
    }

    @Test
    void sensitiveLocationsAreRoundedToAboutTheGrid() {
        double[] coarse = PublicTextProbe.coarsen(100, 46.820144, 130.356001);
        assertThat(Math.abs(coarse[0] - 46.820144) * 111_320).isLessThanOrEqualTo(100);
        assertThat(Math.abs(coarse[1] - 130.356001) * 111_320 * Math.cos(Math.toRadians(46.82))).isLessThanOrEqualTo(100);
        assertThat(PublicTextProbe.coarsen(100, coarse[0], coarse[1])).as("every point of a cell shows as its centre")
                .containsExactly(coarse);
        assertThat(coarse).isNotEqualTo(new double[] {46.820144, 130.356001});
    }
}
