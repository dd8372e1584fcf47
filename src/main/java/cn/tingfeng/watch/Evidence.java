package cn.tingfeng.watch;

/**
 * One occurrence of a rule term: the term (normalised), the field it occurred in (TITLE or TEXT) and the
 * character range [start, end) in that field's ORIGINAL text, for highlighting.
 */
public record Evidence(String term, Field field, int start, int end) {
}
