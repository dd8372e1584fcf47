package cn.tingfeng.crawl;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reloads the sources when a definition file is added, changed or removed (a content fingerprint compared every
 * {@code tingfeng.crawlers.watch-interval}; {@code off} leaves reloading to the admin action). Each node watches its
 * own folder: it is local configuration, not shared work.
 */
@ApplicationScoped
public class SourceFolderWatcher {
    @Inject
    SourceRegistry registry;

    @Scheduled(identity = "crawlers-folder-watch", every = "{tingfeng.crawlers.watch-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        check();
    }

    /** Reloads when the folder changed; true when it did. */
    public boolean check() {
        if (!registry.changedOnDisk()) {
            return false;
        }
        SourceRegistry.ReloadReport r = registry.reload();
        Log.infof("来源目录有变化，已重新加载：新增 %s，修改 %s，移除 %s，错误 %d", r.added(), r.changed(), r.removed(),
                r.errors().size());
        return true;
    }
}
