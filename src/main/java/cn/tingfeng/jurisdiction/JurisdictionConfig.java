package cn.tingfeng.jurisdiction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Jurisdiction data and classifier settings, prefix {@code tingfeng.jurisdiction}. */
@ConfigMapping(prefix = "tingfeng.jurisdiction")
public interface JurisdictionConfig {
    /**
     * Directory with further jurisdiction files ({@code *.yaml}, one prefecture-level city each), loaded after the
     * shipped 连云港市 file (env TINGFENG_JURISDICTION_DIR). Optional.
     */
    Optional<Path> dir();

    /** Weight moved per corrected incident when a term is learned from a correction. */
    @WithDefault("1.5")
    double learningStep();

    /** The largest weight a learned term can move, however many corrections support it. */
    @WithDefault("4.5")
    double learningCap();

    /** Characters of an incident's title, summary and posts given to the classifier. */
    @WithDefault("20000")
    int maxIncidentText();
}
