package cn.tingfeng.tracking.attachment;

import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.tracking.Assignment;
import cn.tingfeng.tracking.AssignmentClocks;
import cn.tingfeng.tracking.AssignmentRepository;
import cn.tingfeng.tracking.ResponseChannel;
import cn.tingfeng.tracking.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Responses and feedback with attachments: every file is checked first (count, size, type by content — nothing is
 * written when one is refused), then stored content-addressed, its row written and its SHA-256, name, size and type
 * put into the event's details, which the audit chain covers; all in the act's transaction. Downloads only for the
 * assignment's own unit and the oversight roles.
 */
@ApplicationScoped
public class AttachmentService {
    private static final ZoneId ZONE = cn.tingfeng.shared.Zones.display();

    /** A file as it arrived (the upload's temporary file) with the name the user gave it. */
    public record Upload(String fileName, Path file, long size) {
    }

    /** A file accepted: checked, hashed, not yet stored. */
    public record Checked(String fileName, Path file, long size, FileKind kind, String sha256) {
    }

    /** A stored file ready to be served. */
    public record Download(String fileName, FileKind kind, long size, Path file, String sha256) {
    }

    @Inject
    AttachmentConfig config;
    @Inject
    AttachmentStore store;
    @Inject
    AttachmentRepository attachments;
    @Inject
    AssignmentRepository assignments;
    @Inject
    Workflow workflow;
    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** 发布回应 with files (none is fine). */
    @Transactional
    public AssignmentClocks respond(Long id, Instant publishedAt, String channel, ResponseChannel channelKind,
                                    boolean principalLeader, String url, String text, List<Upload> uploads) {
        return withFiles(id, uploads, files -> workflow.respond(id, publishedAt, channel, channelKind, principalLeader, url,
                text, files));
    }

    /** 反馈办理情况 with files (none is fine). */
    @Transactional
    public AssignmentClocks feedback(Long id, String text, List<Upload> uploads) {
        return withFiles(id, uploads, files -> workflow.feedback(id, text, files));
    }

    /** The file for a download: 404 unknown, 403 for a department of another unit. */
    @Transactional
    public Download download(Long attachmentId) {
        Attachment a = attachments.findByIdOptional(attachmentId).orElseThrow(() -> ApiException.notFound("附件"));
        Assignment of = assignments.findByIdOptional(a.assignmentId).orElseThrow(() -> ApiException.notFound("附件"));
        user.requireUnit(of.unit.id);
        Path file = store.path(a.storedPath);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new ApiException(404, "not_found", "附件文件不在存储目录中，请联系系统管理员");
        }
        return new Download(a.fileName, FileKind.ofCode(a.kind).orElse(FileKind.TXT), a.sizeBytes, file, a.sha256);
    }

    /** Checks every file; the first refusal (400, Chinese) stops before anything is written. Empty file fields are skipped. */
    public List<Checked> check(List<Upload> uploads) {
        List<Upload> given = uploads == null ? List.of()
                : uploads.stream().filter(u -> u != null && (u.size() > 0 || u.fileName() != null && !u.fileName().isBlank())).toList();
        if (given.size() > config.maxFiles()) {
            throw ApiException.badRequest("file", "一次最多上传 " + config.maxFiles() + " 个附件");
        }
        List<Checked> out = new ArrayList<>();
        long max = config.maxSize().asLongValue();
        for (Upload u : given) {
            String name = safeName(u.fileName());
            if (u.size() > max) {
                throw ApiException.badRequest("file", "附件“" + name + "”超过大小上限 " + megabytes(max) + "，未保存");
            }
            if (u.size() == 0) {
                throw ApiException.badRequest("file", "附件“" + name + "”是空文件，未保存");
            }
            FileKind claimed = FileKind.byName(name).orElseThrow(() -> ApiException.badRequest("file",
                    "附件“" + name + "”的类型不在允许范围内（允许：" + FileKind.ALLOWED + "），未保存"));
            FileKind.Sniffed sniffed;
            try {
                sniffed = FileKind.sniff(u.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (sniffed.kind() == null || !FileKind.agrees(claimed, sniffed.kind())) {
                String actually = sniffed.kind() != null ? sniffed.kind().label() : sniffed.actually();
                throw ApiException.badRequest("file", "附件“" + name + "”的内容不是" + claimed.label() + "（实际为" + actually
                        + "），已拒绝，未保存。允许：" + FileKind.ALLOWED);
            }
            out.add(new Checked(name, u.file(), u.size(), claimed, AttachmentStore.sha256(u.file())));
        }
        return out;
    }

    private AssignmentClocks withFiles(Long id, List<Upload> uploads,
                                       Function<List<Map<String, Object>>, AssignmentClocks> act) {
        List<Checked> files = check(uploads);
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("交办事项"));
        user.requireMemberOf(a.unit.id);
        Instant now = CanonicalJson.micros(clock.instant());
        List<Attachment> rows = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (Checked c : files) {
            String relative = now.atZone(ZONE).getYear() + "/" + c.sha256();
            store.put(c.file(), relative);
            Attachment row = new Attachment();
            row.assignmentId = id;
            row.sha256 = c.sha256();
            row.sizeBytes = c.size();
            row.kind = c.kind().code();
            row.fileName = c.fileName();
            row.storedPath = relative;
            row.uploadedBy = user.username();
            row.uploadedAt = now;
            attachments.persist(row);
            rows.add(row);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", row.id);
            d.put("name", row.fileName);
            d.put("sha256", row.sha256);
            d.put("size", row.sizeBytes);
            d.put("type", row.kind);
            details.add(d);
        }
        AssignmentClocks result = act.apply(details.isEmpty() ? null : details);
        if (!rows.isEmpty()) {
            Integer seq = em.createQuery("select max(e.seq) from EventRecord e where e.assignmentId = ?1", Integer.class)
                    .setParameter(1, id).getSingleResult();
            rows.forEach(r -> r.eventSeq = seq);
        }
        return result;
    }

    /** The name without any path, control characters or quotes, at most 200 characters; "附件" when nothing is left. */
    static String safeName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (n.length() > 200) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 200 - ext.length()) + ext;
        }
        return n.isEmpty() ? "附件" : n;
    }

    /** 20 MB, 2 MB, 1.5 MB, 512 KB. */
    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) return Math.max(1, bytes / 1024) + " KB";
        java.math.BigDecimal mb = java.math.BigDecimal.valueOf(bytes / 1024.0 / 1024.0).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (mb.scale() < 0 ? mb.setScale(0) : mb).toPlainString() + " MB";
    }
}
