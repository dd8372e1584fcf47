package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.TrackingConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The SLA policies in force: {@code tracking.policy-file} when set, else the shipped default. Invalid = startup fails. */
@Startup
@ApplicationScoped
public class PolicyService {
    @Inject
    TrackingConfig config;

    private SlaPolicies policies;

    @jakarta.annotation.PostConstruct
    void load() {
        if (config.policyFile().isEmpty()) {
            policies = SlaPolicies.shipped();
            return;
        }
        try (InputStream in = Files.newInputStream(config.policyFile().get())) {
            policies = SlaPolicies.fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取期限政策文件 " + config.policyFile().get(), e);
        }
    }

    /** The policies in force (read-only; for the administrator's page). */
    public SlaPolicies policies() {
        return policies;
    }

    /** The policy for (jurisdiction, grade), frozen for a new assignment. */
    public PolicySnapshot resolve(String jurisdiction, Grade grade) {
        return policies.resolve(jurisdiction, grade);
    }
}
