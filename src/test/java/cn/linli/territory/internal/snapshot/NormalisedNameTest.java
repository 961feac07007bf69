package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisedNameTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            永安社区居民委员会,  永安社区
            永安社区居委会,      永安社区
            永安社区,            永安社区
            长新居委会,          长新社区
            福前社区第一居民委员会, 福前社区第一社区
            南岗村委会,          南岗村
            南岗村民委员会,      南岗村
            渔业村村委会,        渔业村
            居委会,              居委会
            前进区农垦虚拟生活区, 前进区农垦虚拟生活区
            'Ｘ 社区 居委会',    X社区
            """)
    void communityNames(String name, String expected) {
        assertThat(NormalisedName.of(name, null, DivisionLevel.COMMUNITY).full()).isEqualTo(expected);
    }

    @Test
    void townshipNames() {
        assertThat(township("西林街道办事处", "230803001000")).isEqualTo(new NormalisedName("西林街道", "西林街道"));
        assertThat(township("城东办事处", "230882001000").full()).isEqualTo("城东街道");
        assertThat(township("沿江乡", "230811201000").sameUnitAs(township("沿江镇", "230811107000"))).isTrue();
        assertThat(township("建国镇", "230805100000").sameUnitAs(township("建国街道", "230805009000"))).isFalse();
        assertThat(township("向阳区（镇）直辖地域", "230803198000"))
                .isEqualTo(township("向阳区直辖村级区划", "230803198000"));
        // only the directly administered class is read as a description
        assertThat(township("某直辖区", "230803101000").full()).isEqualTo("某直辖区");
    }

    @Test
    void villagesDoNotDropTheirClassWord() {
        NormalisedName village = NormalisedName.of("新华乡", null, DivisionLevel.COMMUNITY);
        assertThat(village.sameUnitAs(NormalisedName.of("新华镇", null, DivisionLevel.COMMUNITY))).isFalse();
    }

    private static NormalisedName township(String name, String code) {
        return NormalisedName.of(name, DivisionCode.of(code), DivisionLevel.TOWNSHIP);
    }
}
