package cn.tingfeng.incident.grade;

/** Parses counts written with digits or Chinese numerals (三, 十五, 二十三, 一百零二, 两, １２). */
final class ChineseNumbers {

    private ChineseNumbers() {
    }

    /** The value, or -1 when the string is not a number. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) return -1;
        StringBuilder digits = new StringBuilder();
        boolean allDigits = true;
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') digits.append(c);
            else if (c >= '０' && c <= '９') digits.append((char) ('0' + (c - '０')));
            else allDigits = false;
        }
        if (allDigits) {
            if (digits.length() > 6) return -1;
            return Integer.parseInt(digits.toString());
        }
        int total = 0, section = 0, number = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                number = d;
                any = true;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : c == '万' ? 10000 : -1;
            if (unit < 0) return -1;
            if (unit == 10000) {
                section = (section + number) * unit;
                total += section;
                section = 0;
            } else {
                section += (number == 0 && unit == 10 ? 1 : number) * unit;
            }
            number = 0;
            any = true;
        }
        return any ? total + section + number : -1;
    }

    private static int digit(char c) {
        switch (c) {
            case '零': case '〇': return 0;
            case '一': return 1;
            case '二': case '两': return 2;
            case '三': return 3;
            case '四': return 4;
            case '五': return 5;
            case '六': return 6;
            case '七': return 7;
            case '八': return 8;
            case '九': return 9;
            default: return -1;
        }
    }
}
