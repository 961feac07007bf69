package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void namesKeepTheSurnameOnly() {
        assertThat(Mask.NAME.apply("张三")).isEqualTo("张*");
        assertThat(Mask.NAME.apply("王小明")).isEqualTo("王**");
        assertThat(Mask.NAME.apply("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(Mask.NAME.apply("欧阳")).isEqualTo("欧*");
        assertThat(Mask.NAME.apply("司马光")).isEqualTo("司马*");
        assertThat(Mask.NAME.apply("买买提·艾力")).isEqualTo("买**·**");
        assertThat(Mask.NAME.apply("𠮷野家")).isEqualTo("𠮷**");
        assertThat(Mask.NAME.apply(null)).isNull();
    }

    @Test
    void identifiersDelegateToTheirValueTypesAndNeverShowAnUnparsableValue() {
        assertThat(Mask.ID_NUMBER.apply("11010519491231002x")).isEqualTo("1101**********002X");
        assertThat(Mask.PHONE.apply("+86 138 1234 5678")).isEqualTo("138****5678");
        assertThat(Mask.PHONE.apply("0454-8123456")).isEqualTo("0454-***3456");
        assertThat(Mask.ID_NUMBER.apply("110105194912310021")).isEqualTo("1****************1");
        assertThat(Mask.GENERIC.apply("ab")).isEqualTo("a*");
        assertThat(Mask.GENERIC.apply("")).isEmpty();
    }
}
