package cn.tingfeng.jurisdiction.data;

import java.util.List;
import java.util.Map;

/** The YAML shape of {@code jurisdiction/duties.yaml}: department categories and their duty signals. */
public record DutyFile(Map<String, Category> categories) {

    public record Category(String dept, String function, List<String> names, Map<String, Double> signals) {
    }
}
