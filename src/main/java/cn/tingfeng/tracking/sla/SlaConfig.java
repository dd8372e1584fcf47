package cn.tingfeng.tracking.sla;

import java.util.List;

/** Root of the SLA configuration file ({@code sla/default-policy.yaml}). */
public record SlaConfig(List<JurisdictionPolicy> policies) {
    public SlaConfig {
        policies = List.copyOf(policies == null ? List.of() : policies);
    }
}
