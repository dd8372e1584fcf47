package cn.tingfeng.security.token;

import cn.tingfeng.security.Secrets;
import cn.tingfeng.security.UnitDirectory;
import cn.tingfeng.shared.ApiError;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens ({@code Authorization: Bearer tf_…}): created, listed and revoked by an administrator, stored as SHA-256
 * (a fast hash is enough: the token has 256 random bits, unlike a password), scoped to one role and, for the
 * department role, one unit.
 */
@ApplicationScoped
public class ApiTokens implements PanacheRepository<ApiToken> {
    public static final String PREFIX = "tf_";
    private static final Duration TOUCH = Duration.ofMinutes(1);

    public record TokenView(Long id, String name, String prefix, String role, Long unitId, String unitName,
            String createdBy, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** The token as created: {@code token} is shown this once. */
    public record Created(String token, TokenView view) {
    }

    /** A token in force. */
    public record Valid(long id, String name, String role, Long unitId) {
    }

    @Inject
    UnitDirectory units;
    @Inject
    Clock clock;

    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    @Transactional
    public Created create(String name, String role, Long unitId, Instant expiresAt, String createdBy) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new ApiError.FieldError("name", "名称不能为空，最长 100 个字符"));
        }
        if (role == null || !Roles.ALL.contains(role)) {
            errors.add(new ApiError.FieldError("role", "角色必须是 " + String.join("、", Roles.ALL) + " 之一"));
        } else if (Roles.DEPARTMENT.equals(role) && (unitId == null || units.nameOf(unitId).isEmpty())) {
            errors.add(new ApiError.FieldError("unitId", "部门令牌必须绑定一个存在的单位"));
        } else if (!Roles.DEPARTMENT.equals(role) && unitId != null) {
            errors.add(new ApiError.FieldError("unitId", "只有部门令牌绑定单位"));
        }
        Instant now = Instant.now(clock);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new ApiError.FieldError("expiresAt", "过期时间必须晚于现在"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation_failed", "请求参数有误", errors);
        }
        String token = PREFIX + Secrets.randomToken(32);
        ApiToken t = new ApiToken();
        t.name = name.strip();
        t.tokenHash = Secrets.sha256(token);
        t.tokenPrefix = token.substring(0, 10);
        t.role = role;
        t.unitId = unitId;
        t.createdBy = createdBy;
        t.createdAt = now;
        t.expiresAt = expiresAt;
        persist(t);
        return new Created(token, view(t));
    }

    @Transactional
    public List<TokenView> all() {
        return list("order by createdAt desc").stream().map(this::view).toList();
    }

    @Transactional
    public TokenView revoke(long id) {
        ApiToken t = findByIdOptional(id).orElseThrow(() -> ApiException.notFound("令牌 " + id));
        if (t.revokedAt == null) {
            t.revokedAt = Instant.now(clock);
        }
        return view(t);
    }

    /** The token in force for this bearer value (one indexed lookup; {@code last_used_at} written once a minute). */
    @Transactional
    public Optional<Valid> verify(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX) || bearer.length() > 100) {
            return Optional.empty();
        }
        ApiToken t = find("tokenHash", Secrets.sha256(bearer)).firstResult();
        Instant now = Instant.now(clock);
        if (t == null || t.revokedAt != null || (t.expiresAt != null && !t.expiresAt.isAfter(now))) {
            return Optional.empty();
        }
        Instant last = touched.get(t.id);
        if (last == null || !last.plus(TOUCH).isAfter(now)) {
            t.lastUsedAt = now;
            touched.put(t.id, now);
        }
        return Optional.of(new Valid(t.id, t.name, t.role, t.unitId));
    }

    private TokenView view(ApiToken t) {
        return new TokenView(t.id, t.name, t.tokenPrefix + "…", t.role, t.unitId,
                t.unitId == null ? null : units.nameOf(t.unitId).orElse(null), t.createdBy, t.createdAt, t.expiresAt,
                t.lastUsedAt, t.revokedAt);
    }
}
