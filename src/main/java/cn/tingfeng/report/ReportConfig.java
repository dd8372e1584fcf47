package cn.tingfeng.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Statistics and reports settings, prefix {@code tingfeng.report} (docs/reports.md). */
@ConfigMapping(prefix = "tingfeng.report")
public interface ReportConfig {
    /** Dates of a query (from, to, trend buckets) are days in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** A unit or county whose on-time (limit), feedback or completion rate is below this ratio is flagged. */
    @WithDefault("0.9")
    double floor();

    /** A rate is judged against the floor only when it counts at least this many items. */
    @WithDefault("2")
    int minCount();

    // ---- issued reports ----

    /** A TrueType CJK font file embedded in PDFs; default: the first well-known path present (CjkFont.CANDIDATES). */
    Optional<String> pdfFont();

    /** The issuing unit printed on every report. */
    @WithDefault("连云港市舆情监测中心")
    String issuer();

    /** 密级 printed at the top left (e.g. 内部); none by default. */
    Optional<String> secrecy();

    /** Local time of the daily report (covering the previous day). */
    @WithDefault("08:30")
    String dailyAt();

    /** Day and local time of the weekly report (covering the previous Monday–Sunday). */
    @WithDefault("MONDAY")
    java.time.DayOfWeek weeklyDay();

    @WithDefault("08:30")
    String weeklyAt();

    /** Whether the zero report (定时零汇报, at tingfeng.alerts.zero-report-times) is issued as a document too. */
    @WithDefault("true")
    boolean zeroReports();

    /** A scheduled report is still issued this long after its time (e.g. after a restart); later it is skipped. */
    @WithDefault("PT2H")
    java.time.Duration grace();

    /** How often the schedule is checked ("off" disables the job). */
    @WithDefault("60s")
    String scheduleEvery();

    /** Recipients of scheduled reports by e-mail (PDF and .docx attached); none: not mailed. */
    Optional<List<String>> mailTo();
}
