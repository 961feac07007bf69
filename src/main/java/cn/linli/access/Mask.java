package cn.linli.access;

import java.util.Set;

import cn.linli.shared.IdNumber;
import cn.linli.shared.InvalidIdentityDocumentException;
import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;

/**
 * How personal values are shown by default (GB/T 35273 去标识化展示): enough to tell people apart at a window,
 * not enough to identify them. A value that does not parse as its type is masked the generic way, never shown.
 */
public enum Mask {

    /** 张* · 王** · 欧阳** (compound surnames keep both characters) · 买**·艾* . */
    NAME {
        @Override
        String mask(String value) {
            String name = value.strip();
            int kept = name.codePointCount(0, name.length()) > 2 && COMPOUND_SURNAMES.contains(prefix(name, 2)) ? 2 : 1;
            var masked = new StringBuilder();
            int index = 0;
            for (int cp : name.codePoints().toArray()) {
                masked.appendCodePoint(index++ < kept || cp == '·' || cp == ' ' ? cp : '*');
            }
            return masked.toString();
        }
    },
    /** 2308**********1234. */
    ID_NUMBER {
        @Override
        String mask(String value) {
            try {
                return IdNumber.parse(value).masked();
            } catch (InvalidIdentityDocumentException notAnIdNumber) {
                return GENERIC.apply(value);
            }
        }
    },
    /** 138****5678 · 0454-***3456. */
    PHONE {
        @Override
        String mask(String value) {
            try {
                return PhoneNumber.parse(value).masked();
            } catch (InvalidPhoneNumberException notAPhoneNumber) {
                return GENERIC.apply(value);
            }
        }
    },
    /** The first and last character of longer values, only the first of short ones. */
    GENERIC {
        @Override
        String mask(String value) {
            int[] cps = value.strip().codePoints().toArray();
            if (cps.length <= 2) {
                return cps.length == 0 ? "" : new String(cps, 0, 1) + "*".repeat(cps.length - 1);
            }
            return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
        }
    };

    /** The two-character surnames in use (百家姓 and later); a name starting with one keeps both characters. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门",
            "呼延", "万俟", "澹台", "公冶", "宗政", "濮阳", "太史", "申屠", "闻人", "赫连", "百里", "东郭", "拓跋", "完颜");

    /** The masked value; null stays null (nothing to show). */
    public String apply(String value) {
        return value == null ? null : mask(value);
    }

    abstract String mask(String value);

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
