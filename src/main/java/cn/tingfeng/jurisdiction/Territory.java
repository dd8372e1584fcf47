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

/** A city, county-level unit (district, county, functional zone) or township/street. */
@Entity
@Table(name = "territory")
public class Territory {
    public static final String CITY = "city";
    public static final String COUNTY = "county";
    public static final String TOWNSHIP = "township";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    /** city | county | township */
    @Column(nullable = false)
    public String level;

    public String kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Territory parent;

    @Column(nullable = false)
    public String jurisdiction;
}
