package cn.tingfeng.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row (id 1) holding the chain's head; every append locks it, so appends are serial and gapless. */
@Entity
@Table(name = "audit_head")
public class AuditHead {
    @Id
    public Integer id;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false)
    public String hash;
}
