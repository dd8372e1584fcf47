package cn.tingfeng.jurisdiction.data;

import java.util.List;
import java.util.Map;

/** The YAML shape of {@code jurisdiction/china-divisions.yaml}: provinces and prefecture-level cities of China. */
public record DivisionsFile(Map<String, List<String>> provinces,
                            Map<String, List<String>> provinceAliases,
                            Map<String, List<String>> extra,
                            List<String> commonWords) {
}
