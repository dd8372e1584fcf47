package cn.tingfeng.crawl.extract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import cn.tingfeng.crawl.fetch.CharsetDetector;

/**
 * General article extractor for Chinese news, forum and government pages, with no per-site rules.
 *
 * <p>The page is cut into text segments (the inline content between block boundaries). Each segment is
 * weighed by its length, link density and punctuation: prose counts for, link lists and short label-like
 * runs count against. The element whose subtree has the highest total is the article container (a
 * maximum-subtree choice: it grows as long as what it adds is more prose than boilerplate). Its prose
 * segments are the body. Title, publication time and author come from meta data, JSON-LD, headings and
 * the segments around the start of the body.
 */
public final class ArticleExtractor {

    private static final Set<String> BLOCK_TAGS = Set.of(
            "html", "body", "div", "p", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "li", "ul", "ol",
            "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "main", "blockquote",
            "pre", "center", "form", "fieldset", "header", "figure", "figcaption", "address", "hr", "caption");
    private static final Set<String> DROP_TAGS = Set.of(
            "script", "style", "noscript", "iframe", "svg", "canvas", "object", "embed", "select", "option",
            "button", "textarea", "input", "nav", "footer", "aside", "link", "meta", "map", "area", "video",
            "audio", "template", "head");
    private static final Pattern NOISE = Pattern.compile(
            "(?i)(comment|share|footer|^foot|[-_]foot|\\bnav|menu|breadcrumb|crumb|sidebar|side[-_]|related|recommend|"
                    + "advert|^ads?$|[-_]ads?$|^ad[-_]|banner|copyright|toolbar|login|reply-?box|hotnews|"
                    + "topnav|subnav|pagination|pager|\\bpages?\\b|tags?$|keyword|social|print|qrcode)");
    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(责任编辑|编辑[:：]|打印|关闭窗口|关闭本页|【关闭】|返回顶部|上一篇|下一篇|分享到|字号|纠错|"
                    + "来源[:：]|作者[:：]|发布时间|发表于|浏览次数|点击数|阅读次数|扫一扫|版权所有|Copyright)");
    private static final Pattern COMMENTS_START = Pattern.compile(
            "(?i)^(网友|读者|最新|热门|相关|全部|精彩)?(评论|留言|回复|跟帖|点评)(列表|区)?\\s*[:：(（\\[【]?\\s*\\d*\\s*[)）\\]】]?$|"
                    + "^(发表|我要|我来)(评论|留言|回复)|^(comments?|feedback|responses?)\\b");
    private static final String PUNCT = "，。！？；：、“”‘’（）《》…—,.!?;:\"()";

    private final Clock clock;

    public ArticleExtractor(Clock clock) {
        this.clock = clock;
    }

    /** Extracts from raw bytes; {@code contentType} (the HTTP header) may be null. */
    public ExtractedArticle extract(byte[] body, String contentType, String url) {
        return extract(CharsetDetector.decode(body, contentType), url);
    }

    public ExtractedArticle extract(String html, String url) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        LocalDate today = LocalDate.now(clock).plusDays(1);
        Metadata meta = Metadata.read(doc, today);
        String title = TitleFinder.find(doc, meta.title());

        Element body = doc.body();
        removeNoise(body);
        Analysis a = analyse(body);
        Frame best = a.best();
        List<Segment> content = contentSegments(a, best, title);

        StringBuilder text = new StringBuilder();
        for (Segment s : content) {
            String t = s.cleanText();
            if (!t.isEmpty()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(t);
            }
        }
        Temporal published = meta.published() != null ? meta.published() : findDate(a, content, title, today);
        String author = meta.author() != null ? meta.author() : AuthorFinder.find(a.segments, content, title);
        return new ExtractedArticle(title, published, author, text.toString());
    }

    // ---------------------------------------------------------------- cleaning

    private static void removeNoise(Element body) {
        for (String tag : DROP_TAGS) {
            body.getElementsByTag(tag).remove();
        }
        for (Element e : body.select("[style]")) {
            String st = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
            if (st.contains("display:none") || st.contains("visibility:hidden")) {
                e.remove();
            }
        }
        int total = countChars(body.text());
        List<Element> noisy = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String key = e.id() + " " + e.className();
            if (key.isBlank()) {
                continue;
            }
            for (String token : key.trim().split("\\s+")) {
                if (NOISE.matcher(token).find()) {
                    noisy.add(e);
                    break;
                }
            }
        }
        for (Element e : noisy) {
            if (e.parent() != null && countChars(e.text()) < total * 0.25) {
                e.remove();
            }
        }
    }

    static int countChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- segmentation and scoring

    static final class Segment {
        final int order;
        final Frame owner;
        final StringBuilder text = new StringBuilder();
        int chars;
        int linkChars;
        int punct;
        double weight;
        boolean links;
        boolean heading;

        Segment(int order, Frame owner) {
            this.order = order;
            this.owner = owner;
        }

        String cleanText() {
            String[] lines = text.toString().split("\n");
            StringBuilder b = new StringBuilder();
            for (String line : lines) {
                String l = line.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
                if (!l.isEmpty()) {
                    if (b.length() > 0) {
                        b.append('\n');
                    }
                    b.append(l);
                }
            }
            return b.toString();
        }
    }

    static final class Frame {
        final Element element;
        final Frame parent;
        final int depth;
        Segment current;
        double subtree;
        int goodChars;

        Frame(Element element, Frame parent) {
            this.element = element;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }

        boolean within(Frame ancestor) {
            for (Frame f = this; f != null; f = f.parent) {
                if (f == ancestor) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Analysis {
        final List<Segment> segments = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();

        Frame best() {
            Frame best = null;
            for (Frame f : frames) { // post-order: descendants before ancestors, so ties keep the tighter one
                if (best == null || f.subtree > best.subtree) {
                    best = f;
                }
            }
            return best;
        }
    }

    private static Analysis analyse(Element body) {
        Analysis a = new Analysis();
        List<Frame> stack = new ArrayList<>();
        int[] linkDepth = {0};
        int[] headingDepth = {0};
        Frame root = new Frame(body, null);
        stack.add(root);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                Frame top = stack.get(stack.size() - 1);
                if (node instanceof TextNode) {
                    String t = ((TextNode) node).getWholeText();
                    int c = countChars(t);
                    if (top.current == null) {
                        top.current = new Segment(a.segments.size(), top);
                        a.segments.add(top.current);
                    }
                    Segment s = top.current;
                    s.text.append(t.replace('\n', ' '));
                    s.chars += c;
                    if (linkDepth[0] > 0) {
                        s.linkChars += c;
                        s.links = true;
                    }
                    if (headingDepth[0] > 0) {
                        s.heading = true;
                    }
                    for (int i = 0; i < t.length(); i++) {
                        if (PUNCT.indexOf(t.charAt(i)) >= 0) {
                            s.punct++;
                        }
                    }
                } else if (node instanceof Element) {
                    Element e = (Element) node;
                    String tag = e.normalName();
                    if (e == body) {
                        return;
                    }
                    if (tag.equals("br")) {
                        if (top.current != null) {
                            top.current.text.append('\n');
                        }
                    } else if (isLink(e)) {
                        linkDepth[0]++;
                    } else if (BLOCK_TAGS.contains(tag)) {
                        top.current = null;
                        Frame f = new Frame(e, top);
                        stack.add(f);
                    }
                    if (tag.matches("h[1-3]")) {
                        headingDepth[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element) || node == body) {
                    return;
                }
                Element e = (Element) node;
                String tag = e.normalName();
                if (isLink(e)) {
                    linkDepth[0]--;
                } else if (BLOCK_TAGS.contains(tag)) {
                    Frame f = stack.remove(stack.size() - 1);
                    a.frames.add(f);
                    Frame parent = stack.get(stack.size() - 1);
                    parent.current = null;
                }
                if (tag.matches("h[1-3]")) {
                    headingDepth[0]--;
                }
            }
        }, body);
        a.frames.add(root);
        for (Segment s : a.segments) {
            s.weight = weigh(s);
        }
        // subtree totals, children before parents
        for (Segment s : a.segments) {
            s.owner.subtree += s.weight;
            if (s.weight > 0) {
                s.owner.goodChars += s.chars;
            }
        }
        for (Frame f : a.frames) {
            if (f.parent != null) {
                f.parent.subtree += f.subtree;
                f.parent.goodChars += f.goodChars;
            }
        }
        return a;
    }

    /** An anchor without href (a named anchor, often left unclosed) is not a link. */
    private static boolean isLink(Element e) {
        return e.normalName().equals("a") && e.hasAttr("href");
    }

    private static double weigh(Segment s) {
        if (s.chars == 0) {
            return 0;
        }
        double ld = (double) s.linkChars / s.chars;
        if (ld > 0.5) {
            return -s.chars * 1.0;
        }
        int own = s.chars - s.linkChars;
        if ((s.punct >= 1 && own >= 10) || own >= 40) {
            double punctRate = Math.min(1.0, s.punct * 25.0 / own);
            return own * (0.5 + punctRate) * (1 - ld);
        }
        return -own * 0.3;
    }

    private static List<Segment> contentSegments(Analysis a, Frame best, String title) {
        List<Segment> inside = new ArrayList<>();
        if (best == null) {
            return inside;
        }
        String titleKey = title == null ? "" : title.replaceAll("\\s+", "");
        for (Segment s : a.segments) {
            if (!s.owner.within(best) || s.chars == 0) {
                continue;
            }
            if ((double) s.linkChars / s.chars > 0.5) {
                continue;
            }
            String key = s.cleanText().replaceAll("\\s+", "");
            if (!titleKey.isEmpty() && (key.equals(titleKey) || (s.heading && titleKey.contains(key)))) {
                continue;
            }
            inside.add(s);
        }
        // a comments section inside the container ends the article
        int good = 0;
        for (int i = 0; i < inside.size(); i++) {
            Segment s = inside.get(i);
            if (good >= 50 && s.chars <= 16 && COMMENTS_START.matcher(s.cleanText()).find()) {
                inside = new ArrayList<>(inside.subList(0, i));
                break;
            }
            if (s.weight > 0) {
                good += s.chars;
            }
        }
        // a second dated entry (next blog post, next forum floor, a comment) ends the article
        good = 0;
        for (int i = 0; i < inside.size(); i++) {
            Segment s = inside.get(i);
            if (good >= 200 && isDateLine(s) && proseAfter(inside, i) >= 50) {
                int cut = i;
                if (i > 0 && inside.get(i - 1).chars <= 40 && inside.get(i - 1).weight <= 0) {
                    cut = i - 1;
                }
                inside = new ArrayList<>(inside.subList(0, cut));
                break;
            }
            if (s.weight > 0) {
                good += s.chars;
            }
        }
        // trim boilerplate at both ends: short lines that are not prose
        while (!inside.isEmpty() && isEdgeNoise(inside.get(0))) {
            inside.remove(0);
        }
        while (!inside.isEmpty() && isEdgeNoise(inside.get(inside.size() - 1))) {
            inside.remove(inside.size() - 1);
        }
        return inside;
    }

    private static boolean isDateLine(Segment s) {
        return s.chars <= 40 && (s.weight <= 0 || s.chars <= 30) && !DateFinder.findAll(s.cleanText(), null).isEmpty();
    }

    private static int proseAfter(List<Segment> segs, int i) {
        int n = 0;
        for (int j = i + 1; j < segs.size(); j++) {
            if (segs.get(j).weight > 0) {
                n += segs.get(j).chars;
            }
        }
        return n;
    }

    private static boolean isEdgeNoise(Segment s) {
        String t = s.cleanText();
        if (s.chars < 60 && BOILERPLATE_LINE.matcher(t).find()) {
            return true;
        }
        return s.weight < 0 && s.chars < 30 && !DateFinder.findAll(t, null).isEmpty();
    }

    // ---------------------------------------------------------------- date

    private static Temporal findDate(Analysis a, List<Segment> content, String title, LocalDate today) {
        List<Segment> segs = a.segments;
        int c0 = content.isEmpty() ? segs.size() / 2 : content.get(0).order;
        int c1 = content.isEmpty() ? c0 : content.get(content.size() - 1).order;
        int t = -1;
        if (title != null && !title.isBlank()) {
            String key = title.replaceAll("\\s+", "");
            for (Segment s : segs) {
                String k = s.cleanText().replaceAll("\\s+", "");
                if (k.length() >= 2 && (k.equals(key) || (s.heading && key.contains(k)) || (k.contains(key) && k.length() < key.length() + 10))) {
                    if (s.order <= c0 && (t < 0 || Math.abs(c0 - s.order) < Math.abs(c0 - t))) {
                        t = s.order;
                    }
                }
            }
        }
        Temporal best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Segment s : segs) {
            if (s.chars == 0) {
                continue;
            }
            String text = s.cleanText();
            List<DateFinder.Found> found = DateFinder.findAll(text, today);
            for (DateFinder.Found f : found) {
                double score = 0;
                int i = s.order;
                if (t >= 0 && i >= t && i <= c0) {
                    score += 4;
                } else if (t < 0 && i <= c0 && c0 - i <= 8) {
                    score += 3;
                } else if (i >= c0 && i <= c1) {
                    score += 1.5;
                } else if (i > c1 && i - c1 <= 5) {
                    score += 1;
                }
                score -= 0.08 * Math.min(Math.abs(i - c0), 40);
                if (f.labelled()) {
                    score += 2;
                }
                if (f.hasTime()) {
                    score += 1.5;
                }
                if (s.linkChars * 2 > s.chars) {
                    score -= 2; // a date in a list of links: other articles
                }
                if (s.chars > 200 && f.start() > 40) {
                    score -= 1.5; // a date mentioned inside a paragraph of prose
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = f.value();
                }
            }
        }
        return best;
    }
}
