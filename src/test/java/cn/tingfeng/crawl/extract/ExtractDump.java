package cn.tingfeng.crawl.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Developer tool: prints what the extractor makes of one saved page (java ... ExtractDump file.html). */
public final class ExtractDump {
    public static void main(String[] args) throws Exception {
        ExtractedArticle a = new ArticleExtractor(Clock.systemDefaultZone()).extract(Files.readAllBytes(Path.of(args[0])), null, "http://example.test/");
        System.out.println("TITLE: " + a.title() + "\nDATE: " + a.publishedAtIso() + "\nAUTHOR: " + a.author() + "\n---\n" + a.body());
    }
}
