package cn.tingfeng.tracking.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The file types an attachment may have, recognised by their content (magic bytes, the parts inside an Office/OFD zip,
 * text that decodes and is not a web page), never by the name alone: the name's extension must agree with what the
 * content is. Pure; {@link #sniff(Path)} reads the file.
 */
public enum FileKind {
    PDF("PDF 文件", "application/pdf", "pdf"),
    DOCX("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOC("Word 97-2003 文档", "application/msword", "doc"),
    XLS("Excel 97-2003 表格", "application/vnd.ms-excel", "xls"),
    OFD("OFD 版式文件", "application/ofd", "ofd"),
    JPEG("JPG 图片", "image/jpeg", "jpg", "jpeg"),
    PNG("PNG 图片", "image/png", "png"),
    TXT("文本文件", "text/plain; charset=UTF-8", "txt");

    /** Shown when a type is refused. */
    public static final String ALLOWED = "PDF、Word（doc、docx）、Excel（xls、xlsx）、OFD、JPG、PNG、TXT";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final List<String> MARKUP = List.of("<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg",
            "<?xml", "<meta", "<object", "<embed");

    private final String label;
    private final String mediaType;
    private final List<String> extensions;

    FileKind(String label, String mediaType, String... extensions) {
        this.label = label;
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String label() {
        return label;
    }

    /** The Content-Type it is served with (always as a download). */
    public String mediaType() {
        return mediaType;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FileKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** The kind the name claims by its extension, if it is one we accept. */
    public static Optional<FileKind> byName(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.extensions.contains(ext)).findFirst();
    }

    /** What the content is: one of ours, or a description of what it is instead (for the message). */
    public record Sniffed(FileKind kind, String actually) {
    }

    /** Reads the file and tells what it is. */
    public static Sniffed sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (startsWith(head, PDF_MAGIC)) return new Sniffed(PDF, null);
        if (startsWith(head, PNG_MAGIC)) return new Sniffed(PNG, null);
        if (startsWith(head, JPEG_MAGIC)) return new Sniffed(JPEG, null);
        if (startsWith(head, OLE2_MAGIC)) return new Sniffed(DOC, null); // DOC or XLS: the container is the same
        if (startsWith(head, ZIP_MAGIC)) return zip(file);
        if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') return new Sniffed(null, "可执行程序");
        if (head.length >= 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') return new Sniffed(null, "可执行程序");
        return text(file, head);
    }

    /** True when the content agrees with the kind the name claims (DOC and XLS share their container). */
    public static boolean agrees(FileKind claimed, FileKind content) {
        if (claimed == content) return true;
        return content == DOC && claimed == XLS;
    }

    private static Sniffed zip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean word = false;
            boolean excel = false;
            boolean ofd = false;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                word |= n.equals("word/document.xml");
                excel |= n.equals("xl/workbook.xml");
                ofd |= n.equalsIgnoreCase("OFD.xml");
            }
            if (word) return new Sniffed(DOCX, null);
            if (excel) return new Sniffed(XLSX, null);
            if (ofd) return new Sniffed(OFD, null);
            return new Sniffed(null, "其他压缩包");
        } catch (IOException e) {
            return new Sniffed(null, "损坏的压缩文件");
        }
    }

    private static Sniffed text(Path file, byte[] head) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (byte b : all) {
            if (b == 0) return new Sniffed(null, "二进制文件");
        }
        String s = decode(all, StandardCharsets.UTF_8);
        if (s == null) s = decode(all, Charset.forName("GB18030"));
        if (s == null) return new Sniffed(null, "未知类型");
        String start = s.substring(0, Math.min(s.length(), 4096)).toLowerCase(Locale.ROOT);
        for (String m : MARKUP) {
            if (start.contains(m)) return new Sniffed(null, "网页（HTML）");
        }
        return new Sniffed(TXT, null);
    }

    private static String decode(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) return false;
        }
        return true;
    }
}
