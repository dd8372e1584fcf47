package cn.tingfeng.crawl.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline: the heading (h1–h3, or an element whose class names a title) that best matches the
 * document title, else the declared og:title, else the longest part of {@code <title>} split at the
 * site-name separators.
 */
final class TitleFinder {

    private static final String SEPARATORS = "\\s*(?:_|\\||｜|--|—|–| - |-\\s|\\s-)\\s*";

    private TitleFinder() {
    }

    static String find(Document doc, String declared) {
        String docTitle = doc.title() == null ? "" : doc.title().strip();
        String docKey = squash(docTitle);
        String declaredKey = declared == null ? "" : squash(declared);
        String best = null;
        int bestLen = 0;
        for (Element h : doc.select("h1, h2, h3, [class~=(?i)title], [id~=(?i)title]")) {
            if (h.parents().stream().anyMatch(p -> p.normalName().equals("a"))) {
                continue;
            }
            String text = h.text().strip();
            String key = squash(text);
            if (key.length() < 4 || key.length() > 120) {
                continue;
            }
            int score = 0;
            String chosen = text;
            String part = squash(stripSite(docTitle));
            if (part.length() >= 6 && key.contains(part) && key.length() > part.length() && key.length() <= part.length() + 8) {
                score = part.length();
                chosen = stripSite(docTitle); // a heading with a label (原创, 置顶) around the real title
            } else if (!docKey.isEmpty() && docKey.contains(key)) {
                score = key.length();
            } else if (!declaredKey.isEmpty() && declaredKey.contains(key)) {
                score = key.length();
            } else if (!docKey.isEmpty() && key.contains(docKey) && docKey.length() >= 4) {
                score = docKey.length();
            }
            if (h.normalName().equals("h1")) {
                score += score > 0 ? 3 : 0;
            }
            if (score > bestLen) {
                bestLen = score;
                best = chosen;
            }
        }
        if (best != null) {
            return best;
        }
        if (declared != null && !declared.isBlank()) {
            return stripSite(declared.strip());
        }
        if (!docTitle.isEmpty()) {
            return stripSite(docTitle);
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null ? null : h1.text().strip();
    }

    static String stripSite(String title) {
        String[] parts = title.split(SEPARATORS);
        String best = title;
        if (parts.length > 1) {
            best = parts[0];
            for (String p : parts) {
                if (squash(p).length() > squash(best).length()) {
                    best = p;
                }
            }
        }
        return best.strip();
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }
}
