package cn.tingfeng.report.doc;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Chinese font embedded in PDFs and used for chart labels: a TrueType-outline font (PDFBox cannot embed the CFF
 * outlines of Noto CJK). Configured with {@code tingfeng.report.pdf-font}, otherwise the first of {@link #CANDIDATES}
 * present; the Debian package {@value #PACKAGE} provides the first one. Never downloaded at run time.
 */
public final class CjkFont {
    public static final String PACKAGE = "fonts-droid-fallback";
    /** The family name the document template's CSS uses for the embedded font. */
    public static final String FAMILY = "tfcjk";
    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
            "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
            "/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf");

    /** The family name of the Latin companion font (digits and Latin letters; CJK fallback fonts often lack them). */
    public static final String LATIN_FAMILY = "tflatin";
    public static final List<String> LATIN_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final Path path;
    private final Path latin;
    private volatile Font awt;
    private volatile Font awtLatin;

    private CjkFont(Path path, Path latin) {
        this.path = path;
        this.latin = latin;
    }

    public Path path() {
        return path;
    }

    /** The Latin companion (fonts-liberation or fonts-dejavu-core), when one is installed. */
    public Optional<Path> latin() {
        return Optional.ofNullable(latin);
    }

    private static Path latinFont() {
        for (String c : LATIN_CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isReadable(p)) return p;
        }
        return null;
    }

    /** The configured font, or the first candidate present; a clear error naming the package when there is none. */
    public static CjkFont locate(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path p = Path.of(configured.get().strip());
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("tingfeng.report.pdf-font 指定的字体文件不存在或不可读：" + p
                        + "（configured PDF font not readable）。请安装 Debian 软件包 " + PACKAGE
                        + "（apt-get install -y " + PACKAGE + "）或改正路径。");
            }
            return new CjkFont(p, latinFont());
        }
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isReadable(p)) return new CjkFont(p, latinFont());
        }
        throw new IllegalStateException("未找到可嵌入 PDF 的中文 TrueType 字体（no TrueType CJK font found for PDF reports）。"
                + "请安装 Debian 软件包 " + PACKAGE + "（apt-get install -y " + PACKAGE + "），或以 tingfeng.report.pdf-font"
                + " 指定一个 .ttf 文件。已查找：" + String.join("、", CANDIDATES));
    }

    /** The font for Java2D (charts), loaded once. */
    public Font awt() {
        Font f = awt;
        if (f == null) {
            f = load(path);
            awt = f;
        }
        return f;
    }

    /**
     * A Java2D font able to draw all of {@code text}: the CJK font, or the Latin companion when only that one can
     * (a physical font has no fallback: digits drawn with a CJK-only font come out as boxes).
     */
    public Font awtFor(String text) {
        Font cjk = awt();
        if (cjk.canDisplayUpTo(text) == -1 || latin == null) return cjk;
        Font l = awtLatin;
        if (l == null) {
            l = load(latin);
            awtLatin = l;
        }
        return l.canDisplayUpTo(text) == -1 ? l : cjk;
    }

    private static Font load(Path p) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("无法读取字体文件 " + p + "：" + e.getMessage(), e);
        }
    }
}
