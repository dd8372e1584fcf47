package cn.tingfeng.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where the application serves ECharts from (the {@code org.mvnpm:echarts} jar on the classpath:
 * {@code /_static/echarts/<version>/dist/echarts.min.js}); the version is read from the jar, so a newer BOM needs no edit.
 */
@Named("dashboardAssets")
@ApplicationScoped
public class DashboardAssets {
    private final String echarts;

    public DashboardAssets() {
        String version = "6.0.0";
        try (InputStream in = DashboardAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.mvnpm/echarts/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // keep the default
        }
        echarts = "/_static/echarts/" + version + "/dist/echarts.min.js";
    }

    public String echarts() {
        return echarts;
    }
}
