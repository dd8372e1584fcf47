package cn.tingfeng.source;

/** Kinds of source; the YAML value is the lower-case name. */
public enum SourceType {
    RSS, HTML, SITEMAP, JSON, IMPORT
}
