package cn.tingfeng.report.doc;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What the document template renders: the official-document frame (报头 {@code masthead}, issuing unit, number
 * 〔YYYY〕N期, date, title, 密级 when set) and the body. {@code opinion} and {@code suggestion} are the analyst's 研判意见
 * and 处置建议 (paragraphs, may be empty), {@code author} who wrote them.
 */
@TemplateData
public record ReportDocument(String type, String masthead, String number, String issuer, String date, String title,
                             String secrecy, String period, List<Block> blocks, List<String> opinion,
                             List<String> suggestion, String author) {

    public boolean hasSecrecy() {
        return secrecy != null && !secrecy.isBlank();
    }
}
