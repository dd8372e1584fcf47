package cn.tingfeng.security.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API token for a script or an integration (table {@code api_token}); the token itself is stored as SHA-256. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** The first characters of the token, shown in lists so that a holder can tell which token is which. */
    @Column(name = "token_prefix", nullable = false)
    public String tokenPrefix;

    @Column(nullable = false)
    public String role;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
