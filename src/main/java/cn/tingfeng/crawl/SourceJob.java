package cn.tingfeng.crawl;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one source. Its only data is the source id (a string), so it works with the RAM and the JDBC job
 * store alike; {@link DisallowConcurrentExecution} keeps one source from running twice at once, cluster-wide with the
 * clustered JDBC store.
 */
@Dependent
@DisallowConcurrentExecution
public class SourceJob implements Job {
    public static final String SOURCE = "source";

    @Inject
    CrawlService crawls;

    @Override
    public void execute(JobExecutionContext context) {
        crawls.runScheduled(context.getMergedJobDataMap().getString(SOURCE));
    }
}
