package cn.tingfeng.report.issue;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.notify.alert.AlertsConfig;
import cn.tingfeng.report.ReportConfig;
import cn.tingfeng.report.ReportFacts;
import cn.tingfeng.report.doc.CjkFont;
import cn.tingfeng.report.doc.DocxWriter;
import cn.tingfeng.report.doc.PdfWriter;
import cn.tingfeng.report.doc.ReportDocument;
import cn.tingfeng.shared.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Issues reports: composes the body from recorded facts, numbers it 〔YYYY〕N期 (per type and year; the unique key
 * (type, year, seq) settles two issuers racing — the loser takes the next number), renders the template to HTML and
 * from that HTML the PDF and the .docx, stores the bytes of all three, and appends the audit record — all in one
 * transaction. A scheduled report carries its slot key (unique): the same slot is never issued twice, also with two
 * nodes.
 */
@ApplicationScoped
public class ReportService {
    private static final Logger LOG = Logger.getLogger(ReportService.class);
    public static final List<String> FORMATS = List.of("html", "pdf", "docx");
    static final int MAX_INCIDENTS = 20;
    static final int MAX_TEXT = 5000;

    @Inject
    ReportFacts facts;
    @Inject
    ReportTemplates templates;
    @Inject
    IssuedReportRepository reports;
    @Inject
    AuditLog audit;
    @Inject
    ReportConfig config;
    @Inject
    AlertsConfig alerts;
    @Inject
    Clock clock;

    private volatile CjkFont font;

    /** What to issue; for daily/weekly the period defaults to the previous day / week, for zero to the previous day. */
    public record Request(String type, List<Long> incidentIds, LocalDate from, LocalDate to, String opinion, String suggestion) {
    }

    public record FileView(String format, String sha256, long size, String href) {
    }

    public record ReportView(Long id, String type, String typeLabel, String number, String title, Instant periodFrom,
                             Instant periodTo, List<Long> incidentIds, String slot, String issuedBy, Instant issuedAt,
                             Instant mailedAt, List<FileView> files) {
    }

    /** A request checked and completed: the period as instants for the period types. */
    record Plan(ReportType type, List<Long> incidentIds, LocalDate from, LocalDate to, Instant start, Instant end,
                String opinion, String suggestion) {
    }

    public CjkFont font() {
        CjkFont f = font;
        if (f == null) {
            try {
                f = CjkFont.locate(config.pdfFont());
            } catch (IllegalStateException e) {
                LOG.error(e.getMessage());
                throw new ApiException(503, "report_font_missing", e.getMessage());
            }
            font = f;
        }
        return f;
    }

    /** Issues a report by hand (the API and the page). */
    public ReportView issue(Request r, String actor) {
        return issue(plan(r), actor, null).orElseThrow();
    }

    Plan plan(Request r) {
        if (r == null || r.type() == null) throw ApiException.badRequest("type", "不能为空：flash、daily、weekly、special 或 zero");
        ReportType type = ReportType.of(r.type()).orElseThrow(() ->
                ApiException.badRequest("type", "须为 flash、daily、weekly、special 或 zero"));
        String opinion = text(r.opinion(), "opinion");
        String suggestion = text(r.suggestion(), "suggestion");
        List<Long> ids = r.incidentIds() == null ? List.of() : r.incidentIds().stream().distinct().toList();
        LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
        switch (type) {
            case FLASH -> {
                if (ids.size() != 1) throw ApiException.badRequest("incidentIds", "舆情快报须选择一起舆情事件");
                return new Plan(type, ids, null, null, null, null, opinion, suggestion);
            }
            case SPECIAL -> {
                if (ids.isEmpty()) throw ApiException.badRequest("incidentIds", "舆情专报须至少选择一起舆情事件");
                if (ids.size() > MAX_INCIDENTS) throw ApiException.badRequest("incidentIds", "一期专报最多 " + MAX_INCIDENTS + " 起事件");
                return new Plan(type, ids, null, null, null, null, opinion, suggestion);
            }
            default -> {
                LocalDate from = r.from();
                LocalDate to = r.to();
                if (from == null && to == null) {
                    if (type == ReportType.WEEKLY) {
                        from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                        to = from.plusDays(6);
                    } else {
                        from = today.minusDays(1);
                        to = from;
                    }
                }
                if (from == null) throw ApiException.badRequest("from", "不能为空（YYYY-MM-DD）");
                if (to == null) throw ApiException.badRequest("to", "不能为空（YYYY-MM-DD）");
                if (from.isAfter(to)) throw ApiException.badRequest("from", "不能晚于 to");
                if (ChronoUnit.DAYS.between(from, to) > 366) throw ApiException.badRequest("to", "时间范围不能超过 366 天");
                return new Plan(type, List.of(), from, to, from.atStartOfDay(config.zone()).toInstant(),
                        to.plusDays(1).atStartOfDay(config.zone()).toInstant(), opinion, suggestion);
            }
        }
    }

    /**
     * Issues in a transaction of its own; on a unique-key conflict (another node took the number or the slot) tries
     * again with the next number, or gives up (empty) when the slot has been issued meanwhile.
     */
    Optional<ReportView> issue(Plan plan, String actor, String slotKey) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (slotKey != null && reports.slotTaken(slotKey)) return Optional.<ReportView>empty();
                    return Optional.of(issueOnce(plan, actor, slotKey));
                });
            } catch (RuntimeException e) {
                if (!uniqueViolation(e)) throw e;
                last = e;
                LOG.debugf("report number or slot taken concurrently (%s), retrying", slotKey);
                if (slotKey != null && QuarkusTransaction.requiringNew().call(() -> reports.slotTaken(slotKey))) return Optional.empty();
            }
        }
        throw last;
    }

    private ReportView issueOnce(Plan plan, String actor, String slotKey) {
        Instant now = clock.instant();
        ReportComposer composer = new ReportComposer(config.zone(), font());
        ReportComposer.Body body = switch (plan.type()) {
            case FLASH -> composer.flash(facts.incident(plan.incidentIds().get(0)));
            case SPECIAL -> composer.special(plan.incidentIds().stream().map(facts::incident).toList());
            case DAILY, WEEKLY -> composer.period(plan.type(), facts.period(plan.from(), plan.to(), config.zone(), now));
            case ZERO -> composer.zero(alerts.jurisdiction(), plan.start(), plan.end(), facts.createdBetween(plan.start(), plan.end()));
        };
        int year = now.atZone(config.zone()).getYear();
        ReportNumber number = ReportNumber.next(year, reports.highestSeq(plan.type(), year));
        boolean analystText = !plan.opinion().isEmpty() || !plan.suggestion().isEmpty();
        ReportDocument doc = new ReportDocument(plan.type().code(), plan.type().label(), number.text(), config.issuer(),
                DateTimeFormatter.ofPattern("yyyy年M月d日").format(now.atZone(config.zone())), body.title(),
                config.secrecy().orElse(null), body.period(), body.blocks(), paragraphs(plan.opinion()),
                paragraphs(plan.suggestion()), analystText ? actor : null);
        String template = templates.sourceFor(plan.type());
        String html = templates.render(template, doc);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("html", html.getBytes(StandardCharsets.UTF_8));
        files.put("pdf", PdfWriter.pdf(html, font()));
        files.put("docx", DocxWriter.docx(html));

        IssuedReport r = new IssuedReport();
        r.type = plan.type().code();
        r.numberYear = number.year();
        r.numberSeq = number.seq();
        r.numberText = number.text();
        r.title = cn.tingfeng.report.doc.Texts.clean(body.title());
        if (r.title.length() > 1000) r.title = r.title.substring(0, 1000);
        r.periodFrom = plan.start();
        r.periodTo = plan.end();
        r.incidentIds = plan.incidentIds().isEmpty() ? null
                : plan.incidentIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        r.opinion = plan.opinion().isEmpty() ? null : plan.opinion();
        r.suggestion = plan.suggestion().isEmpty() ? null : plan.suggestion();
        r.secrecy = config.secrecy().orElse(null);
        r.slotKey = slotKey;
        r.issuedBy = actor;
        r.issuedAt = now;
        r.templateSha256 = sha256(template.getBytes(StandardCharsets.UTF_8));
        reports.persistAndFlush(r);
        Map<String, Object> hashes = new LinkedHashMap<>();
        files.forEach((format, bytes) -> {
            String h = sha256(bytes);
            reports.storeFile(r.id, format, bytes, h);
            hashes.put(format, h);
        });
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", r.type);
        payload.put("number", r.numberText);
        payload.put("title", r.title);
        payload.put("sha256", hashes);
        payload.put("template", r.templateSha256);
        if (r.incidentIds != null) payload.put("incidents", r.incidentIds);
        if (r.periodFrom != null) payload.put("period", r.periodFrom + "/" + r.periodTo);
        if (slotKey != null) payload.put("slot", slotKey);
        audit.append(actor, "report.issued", "report", r.id, payload);
        return view(r, reports.files(List.of(r.id)).getOrDefault(r.id, List.of()));
    }

    public List<ReportView> list(String type, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<IssuedReport> rows = type == null || type.isBlank()
                    ? reports.find("order by issuedAt desc, id desc").page(0, limit).list()
                    : reports.find("type = ?1 order by issuedAt desc, id desc", type).page(0, limit).list();
            Map<Long, List<IssuedReportRepository.StoredFile>> files = reports.files(rows.stream().map(x -> x.id).toList());
            return rows.stream().map(x -> view(x, files.getOrDefault(x.id, List.of()))).toList();
        });
    }

    public ReportView get(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IssuedReport r = reports.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("报告 " + id));
            return view(r, reports.files(List.of(id)).getOrDefault(id, List.of()));
        });
    }

    /** The bytes stored when the report was issued. */
    public byte[] file(Long id, String format) {
        if (!FORMATS.contains(format)) throw ApiException.badRequest("format", "须为 html、pdf 或 docx");
        return QuarkusTransaction.requiringNew().call(() -> reports.file(id, format)
                .orElseThrow(() -> ApiException.notFound("报告 " + id)));
    }

    static ReportView view(IssuedReport r, List<IssuedReportRepository.StoredFile> files) {
        List<Long> ids = r.incidentIds == null ? List.of()
                : java.util.Arrays.stream(r.incidentIds.split(",")).map(Long::valueOf).toList();
        String label = ReportType.of(r.type).map(ReportType::label).orElse(r.type);
        return new ReportView(r.id, r.type, label, r.numberText, r.title, r.periodFrom, r.periodTo, ids, r.slotKey,
                r.issuedBy, r.issuedAt, r.mailedAt, files.stream()
                .map(f -> new FileView(f.format(), f.sha256(), f.size(), "/api/reports/" + r.id + "?format=" + f.format())).toList());
    }

    private static String text(String s, String field) {
        if (s == null || s.isBlank()) return "";
        String t = cn.tingfeng.report.doc.Texts.clean(s.strip().replace("\r\n", "\n"));
        if (t.length() > MAX_TEXT) throw ApiException.badRequest(field, "最多 " + MAX_TEXT + " 字");
        return t;
    }

    static List<String> paragraphs(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        for (String p : s.split("\n")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) return true;
            if (t instanceof org.hibernate.exception.ConstraintViolationException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
