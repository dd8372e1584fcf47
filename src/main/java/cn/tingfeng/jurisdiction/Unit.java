package cn.tingfeng.jurisdiction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A responsible unit: a department or office at city or county level, with its DOMAIN.md category code. */
@Entity
@Table(name = "unit")
public class Unit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** Category code of DOMAIN.md, e.g. {@code education}. */
    @Column(nullable = false)
    public String category;

    /** city | county */
    @Column(nullable = false)
    public String level;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "territory_id")
    public Territory territory;

    @Column(nullable = false)
    public boolean active = true;
}
