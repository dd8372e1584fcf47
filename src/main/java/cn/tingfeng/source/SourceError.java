package cn.tingfeng.source;

/** A problem in one source file: which file, which field (dotted path), and why (Chinese). */
public record SourceError(String file, String field, String reason) {
    @Override
    public String toString() {
        return file + ": " + field + ": " + reason;
    }
}
