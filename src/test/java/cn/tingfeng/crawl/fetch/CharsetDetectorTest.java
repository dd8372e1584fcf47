package cn.tingfeng.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetDetectorTest {

    static final String SIMPLIFIED = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\"><title>连云港</title></head>"
            + "<body><p>连云港市人民政府召开常务会议，研究部署安全生产、民生保障和重点项目建设等工作。会议强调，要坚持以人民为中心的发展思想。</p></body></html>";
    static final String TRADITIONAL = "<html><head><meta charset=\"%s\"></head><body><p>連雲港市人民政府召開常務會議，研究部署安全生產、民生保障和重點項目建設等工作。"
            + "會議強調，要堅持以人民為中心的發展思想，切實解決群眾關心的問題。</p></body></html>";

    @ParameterizedTest(name = "{0} bytes, header {1}, meta {2}")
    @CsvSource({
        "GBK, , gbk",
        "GBK, text/html; charset=utf-8, utf-8",
        "GB2312, text/html; charset=iso-8859-1, big5",
        "GB18030, , gb2312",
        "UTF-8, text/html; charset=gbk, gb2312",
        "UTF-8, , big5",
    })
    void decodesSimplifiedChineseWhateverTheLabelsSay(String actual, String header, String meta) {
        String page = String.format(SIMPLIFIED, meta);
        byte[] bytes = page.getBytes(Charset.forName(actual));
        assertThat(CharsetDetector.decode(bytes, header)).contains("连云港市人民政府召开常务会议");
    }

    @ParameterizedTest(name = "Big5 bytes, header {0}, meta {1}")
    @CsvSource({"text/html; charset=gbk, gb2312", ", utf-8", "text/html; charset=big5, big5"})
    void decodesBig5WhateverTheLabelsSay(String header, String meta) {
        byte[] bytes = String.format(TRADITIONAL, meta).getBytes(Charset.forName("Big5"));
        assertThat(CharsetDetector.decode(bytes, header)).contains("連雲港市人民政府召開常務會議");
    }

    @ParameterizedTest
    @CsvSource({"gb2312, GB18030", "GBK, GB18030", "x-gbk, GB18030", "big5, Big5", "utf8, UTF-8"})
    void gbLabelsDecodeAsGb18030(String label, String expected) {
        assertThat(CharsetDetector.normalise(label).name()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void gb18030FourByteCharactersSurvive() {
        String text = "<p>𠀀𠀁 连云港 墟沟 朐山 — 4 字节字符</p>";
        byte[] bytes = text.getBytes(CharsetDetector.GB18030);
        assertThat(CharsetDetector.decode(bytes, "text/html; charset=gb2312")).isEqualTo(text);
        assertThat(CharsetDetector.decode(text.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(text);
    }
}
