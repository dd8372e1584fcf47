package cn.tingfeng.crawl.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;

/**
 * An article recovered from a page.
 *
 * @param title       the headline, or null
 * @param publishedAt a {@link LocalDateTime} when the page gives a time, a {@link LocalDate} when it gives
 *                    only a date, or null when it gives neither
 * @param author      author or source (来源/作者), or null
 * @param body        the main text, paragraphs separated by '\n'; never null (empty when nothing found)
 */
public record ExtractedArticle(String title, Temporal publishedAt, String author, String body) {

    public ExtractedArticle {
        if (publishedAt != null && !(publishedAt instanceof LocalDateTime) && !(publishedAt instanceof LocalDate)) {
            throw new IllegalArgumentException("publishedAt must be LocalDateTime or LocalDate");
        }
        body = body == null ? "" : body;
    }

    /** The publication day, whatever the precision, or null. */
    public LocalDate publishedDate() {
        if (publishedAt instanceof LocalDateTime) {
            return ((LocalDateTime) publishedAt).toLocalDate();
        }
        return (LocalDate) publishedAt;
    }

    /** ISO-8601: {@code 2023-05-06T10:20} or {@code 2023-05-06}, or null. */
    public String publishedAtIso() {
        return publishedAt == null ? null : publishedAt.toString();
    }
}
