package cn.tingfeng.tracking.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment types are recognised by content; the name only has to agree. */
class FileKindTest {
    @TempDir
    Path dir;

    FileKind.Sniffed sniff(byte[] content) throws Exception {
        Path f = Files.createTempFile(dir, "f", ".bin");
        Files.write(f, content);
        return FileKind.sniff(f);
    }

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(1);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void recognisesEachAcceptedTypeByItsBytes() throws Exception {
        assertThat(sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)).kind()).isEqualTo(FileKind.PDF);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).kind()).isEqualTo(FileKind.PNG);
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}).kind()).isEqualTo(FileKind.JPEG);
        assertThat(sniff(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0})
                .kind()).isEqualTo(FileKind.DOC);
        assertThat(sniff(zip("[Content_Types].xml", "word/document.xml")).kind()).isEqualTo(FileKind.DOCX);
        assertThat(sniff(zip("[Content_Types].xml", "xl/workbook.xml")).kind()).isEqualTo(FileKind.XLSX);
        assertThat(sniff(zip("OFD.xml", "Doc_0/Document.xml")).kind()).isEqualTo(FileKind.OFD);
        assertThat(sniff("整改情况说明".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(FileKind.TXT);
        assertThat(sniff("整改情况说明".getBytes(Charset.forName("GB18030"))).kind()).isEqualTo(FileKind.TXT);
    }

    @Test
    void refusesPagesProgramsAndOtherArchivesWhateverTheyAreCalled() throws Exception {
        assertThat(sniff("<!doctype html><p>x".getBytes(StandardCharsets.UTF_8))).isEqualTo(new FileKind.Sniffed(null, "网页（HTML）"));
        assertThat(sniff("  \n<SCRIPT>alert(1)</SCRIPT>".getBytes(StandardCharsets.UTF_8)).kind()).isNull();
        assertThat(sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).kind()).isNull();
        assertThat(sniff(new byte[] {'M', 'Z', (byte) 0x90, 0}).actually()).isEqualTo("可执行程序");
        assertThat(sniff(new byte[] {0x7F, 'E', 'L', 'F', 2}).actually()).isEqualTo("可执行程序");
        assertThat(sniff(zip("payload.exe")).actually()).isEqualTo("其他压缩包");
        assertThat(sniff(new byte[] {1, 2, 0, 3}).actually()).isEqualTo("二进制文件");
    }

    @Test
    void theNameMustAgreeWithTheContent() {
        assertThat(FileKind.byName("通报.PDF")).contains(FileKind.PDF);
        assertThat(FileKind.byName("照片.jpeg")).contains(FileKind.JPEG);
        assertThat(FileKind.byName("page.html")).isEmpty();
        assertThat(FileKind.byName("无扩展名")).isEmpty();
        assertThat(FileKind.agrees(FileKind.XLS, FileKind.DOC)).isTrue(); // one container for both
        assertThat(FileKind.agrees(FileKind.PDF, FileKind.TXT)).isFalse();
        assertThat(FileKind.agrees(FileKind.DOCX, FileKind.XLSX)).isFalse();
    }

    @Test
    void downloadsNameTheFileSafelyInAsciiAndRfc5987() {
        assertThat(AttachmentDownloads.disposition("情况通报.pdf"))
                .isEqualTo("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E6%83%85%E5%86%B5%E9%80%9A%E6%8A%A5.pdf");
        assertThat(AttachmentDownloads.disposition("a\"b;c%.txt")).isEqualTo("attachment; filename=\"a_b_c_.txt\"; filename*=UTF-8''a%22b%3Bc%25.txt");
        assertThat(AttachmentService.safeName("C:\\Users\\x\\..\\报告<1>.pdf")).isEqualTo("报告_1_.pdf");
        assertThat(AttachmentService.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.megabytes(20L * 1024 * 1024)).isEqualTo("20 MB");
    }
}
