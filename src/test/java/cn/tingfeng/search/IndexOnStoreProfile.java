package cn.tingfeng.search;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Posts indexed in the transaction that stores them, so a test can search right after storing. */
public class IndexOnStoreProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tingfeng.search.index-on-store", "true");
    }
}
