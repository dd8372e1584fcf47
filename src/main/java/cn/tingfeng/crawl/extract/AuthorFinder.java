package cn.tingfeng.crawl.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Author or source written next to the headline or at the end of the body (作者 / 记者 / 来源 / 责任编辑). */
final class AuthorFinder {

    private static final Pattern[] PATTERNS = {
        Pattern.compile("(?:作者|作\\s+者|撰文|文/|文／|发帖人|楼主|发布者|发表者|记者)\\s*[:：]?\\s*([\\p{IsHan}A-Za-z0-9_·&．.\\- ]{2,24}?)(?=\\s{2,}|\\s*$|[\\s　|,，;；)）\\]】]|发表|发布|时间|日期|来源|编辑|20\\d\\d|19\\d\\d)"),
        Pattern.compile("(?:来源|出处|稿源)\\s*[:：]\\s*([\\p{IsHan}A-Za-z0-9_·．.\\- ]{2,24}?)(?=\\s{2,}|\\s*$|[\\s　|,，;；)）\\]】]|发表|发布|时间|日期|作者|编辑|20\\d\\d|19\\d\\d)"),
        Pattern.compile("(?:责任编辑|编辑)\\s*[:：]\\s*([\\p{IsHan}A-Za-z0-9_·]{2,12})"),
    };

    private AuthorFinder() {
    }

    /**
     * A label without a colon in the middle of a long paragraph is prose ("本刊记者经历了……"), not a byline: bylines
     * are lines of their own, short.
     */
    private static boolean inProse(String text, Matcher m) {
        String label = text.substring(m.start(), m.start(1));
        boolean colon = label.contains(":") || label.contains("：") || label.endsWith("/") || label.endsWith("／");
        return !colon && text.length() > 40;
    }

    static String find(List<ArticleExtractor.Segment> all, List<ArticleExtractor.Segment> content, String title) {
        int c0 = content.isEmpty() ? 0 : content.get(0).order;
        int c1 = content.isEmpty() ? all.size() - 1 : content.get(content.size() - 1).order;
        for (Pattern p : PATTERNS) {
            String best = null;
            int bestDist = Integer.MAX_VALUE;
            for (ArticleExtractor.Segment s : all) {
                if (s.chars == 0 || s.chars > 400) {
                    continue;
                }
                int dist = s.order < c0 ? c0 - s.order : s.order > c1 ? s.order - c1 : 0;
                if (dist > 12 || dist >= bestDist) {
                    continue;
                }
                Matcher m = p.matcher(s.cleanText());
                if (m.find()) {
                    String v = m.group(1).strip();
                    if (!v.isEmpty() && !inProse(s.cleanText(), m)) {
                        best = v;
                        bestDist = dist;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }
}
