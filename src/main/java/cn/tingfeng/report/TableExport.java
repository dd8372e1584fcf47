package cn.tingfeng.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Table} as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly; RFC 4180 quoting; text cells
 * starting with {@code = + - @}, tab or CR get a leading apostrophe so a spreadsheet never runs them as formulas —
 * names and titles come from crawled, hostile text) or as Excel .xlsx (fastexcel; text cells are stored as text,
 * never as formulas, and get the same apostrophe so both files read alike).
 */
public final class TableExport {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableExport() {
    }

    public static byte[] csv(Table t) {
        StringBuilder sb = new StringBuilder();
        line(sb, t.headers());
        for (List<Object> row : t.rows()) line(sb, row);
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    public static byte[] xlsx(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Tingfeng", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(t.title()));
            for (int c = 0; c < t.headers().size(); c++) {
                ws.value(0, c, t.headers().get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < t.rows().size(); r++) {
                List<Object> row = t.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, defuse(v.toString()));
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A leading apostrophe for text a spreadsheet would read as a formula. */
    public static String defuse(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            Object v = cells.get(i);
            if (v == null) continue;
            String s = v instanceof Number ? v.toString() : defuse(v.toString());
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\ . */
    private static String sheetName(String title) {
        String s = title.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
