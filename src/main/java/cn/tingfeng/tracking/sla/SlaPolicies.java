package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SLA policies of all jurisdictions, read from YAML (or built from a bound configuration), and
 * resolution of the policy in force for (jurisdiction, grade) as a frozen {@link PolicySnapshot}.
 */
public final class SlaPolicies {

    public static final String DEFAULT_JURISDICTION = "default";
    public static final String SHIPPED_RESOURCE = "/sla/default-policy.yaml";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, JurisdictionPolicy> byJurisdiction;
    private final Map<String, String> versionIds;

    public SlaPolicies(SlaConfig config) {
        Map<String, JurisdictionPolicy> m = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (JurisdictionPolicy p : config.policies()) {
            if (m.put(p.jurisdiction(), p) != null) {
                throw new IllegalArgumentException("期限政策中辖区 " + p.jurisdiction() + " 重复");
            }
            ids.put(p.jurisdiction(), p.jurisdiction() + "@" + p.version() + "#" + fingerprint(p));
        }
        if (!m.containsKey(DEFAULT_JURISDICTION)) {
            throw new IllegalArgumentException("期限政策缺少 default 辖区（未单独配置的辖区使用它）");
        }
        this.byJurisdiction = Map.copyOf(m);
        this.versionIds = Map.copyOf(ids);
    }

    /** The shipped default (Nantong Art. 21 values for I/II, the national 48 h for III/IV). */
    public static SlaPolicies shipped() {
        try (InputStream in = SlaPolicies.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("缺少内置期限政策 " + SHIPPED_RESOURCE);
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SlaPolicies fromYaml(InputStream in) throws IOException {
        try {
            return new SlaPolicies(YAML.readValue(in, SlaConfig.class));
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException("期限政策配置无效: " + e.getOriginalMessage(), e);
        }
    }

    public static SlaPolicies fromYaml(String yaml) {
        try {
            return fromYaml(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy in force for a jurisdiction (or the default) and grade, frozen. */
    public PolicySnapshot resolve(String jurisdiction, Grade grade) {
        JurisdictionPolicy p = jurisdiction == null ? null : byJurisdiction.get(jurisdiction);
        if (p == null) p = byJurisdiction.get(DEFAULT_JURISDICTION);
        return new PolicySnapshot(versionIds.get(p.jurisdiction()), p.jurisdiction(), grade, p.rulesFor(grade), p.escalation());
    }

    /** Every jurisdiction's policy, the default first, then by jurisdiction (for the administrator's page). */
    public java.util.List<JurisdictionPolicy> all() {
        return byJurisdiction.values().stream().sorted(java.util.Comparator
                .comparing((JurisdictionPolicy p) -> !DEFAULT_JURISDICTION.equals(p.jurisdiction())).thenComparing(JurisdictionPolicy::jurisdiction))
                .toList();
    }

    public String versionId(String jurisdiction) {
        String id = versionIds.get(jurisdiction);
        return id != null ? id : versionIds.get(DEFAULT_JURISDICTION);
    }

    private static String fingerprint(JurisdictionPolicy p) {
        try {
            // deterministic form: properties sorted, map entries sorted, grade sets are EnumSets
            byte[] json = MAPPER.writeValueAsBytes(p);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
