package cn.tingfeng.crawl;

import cn.tingfeng.source.SourceDefinition;
import java.util.List;

/** Fired after the crawlers/ folder was (re)loaded: the valid definitions, import folders resolved. */
public record SourcesReloaded(List<SourceDefinition> definitions) {
}
