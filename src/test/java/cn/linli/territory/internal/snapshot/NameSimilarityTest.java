package cn.linli.territory.internal.snapshot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameSimilarityTest {

    @ParameterizedTest(name = "{0} ~ {1} (same parent: {2}) = {3}")
    @CsvSource(textBlock = """
            东辉畜牧场,      东辉畜牧场生活区, false, true
            腰营村,          腰营子村,         true,  true
            腰营村,          腰营子村,         false, false
            前进农场第十四管理区, 前进农场第十管理区, false, true
            沿因社区,        沿音社区,         true,  true
            沿因社区,        沿音社区,         false, false
            东发社区,        东兴社区,         false, false
            第一社区,        第一分场生活区,   false, false
            新华村,          新华村,           true,  false
            新华村,          合江村,           true,  false
            """)
    void similarNames(String a, String b, boolean sameParent, boolean expected) {
        assertThat(NameSimilarity.similar(a, b, sameParent)).isEqualTo(expected);
        assertThat(NameSimilarity.similar(b, a, sameParent)).isEqualTo(expected);
    }
}
