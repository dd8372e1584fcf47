package cn.tingfeng.jurisdiction.data;

import cn.tingfeng.jurisdiction.Jurisdiction;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the jurisdiction data: the shipped file(s) from the classpath, then every {@code *.yaml} in an
 * optional external directory (one jurisdiction per file: a second jurisdiction is added by dropping a
 * file there, no code). The duty lexicon and the national divisions list are shipped on the classpath.
 */
public final class JurisdictionLoader {

    public static final String SHIPPED = "jurisdiction/lianyungang.yaml";
    public static final String DUTIES = "jurisdiction/duties.yaml";
    public static final String DIVISIONS = "jurisdiction/china-divisions.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Everything the classifier needs; the first jurisdiction is the primary (deploying) one. */
    public record JurisdictionData(List<Jurisdiction> jurisdictions, DutyFile duties, DivisionsFile divisions) {
        public JurisdictionData {
            jurisdictions = List.copyOf(jurisdictions);
        }
    }

    private JurisdictionLoader() {
    }

    /** The shipped jurisdiction only. */
    public static JurisdictionData loadDefault() {
        return load(List.of(SHIPPED), null);
    }

    /**
     * @param classpathFiles jurisdiction files on the classpath, in order (the first is primary)
     * @param externalDir    directory with further {@code *.yaml} jurisdiction files, or null
     */
    public static JurisdictionData load(List<String> classpathFiles, Path externalDir) {
        List<Jurisdiction> list = new ArrayList<>();
        for (String resource : classpathFiles) list.add(new Jurisdiction(readResource(resource, JurisdictionFile.class), "classpath:" + resource));
        if (externalDir != null) {
            if (!Files.isDirectory(externalDir))
                throw new IllegalArgumentException("属地数据目录不存在：" + externalDir.toAbsolutePath());
            try (Stream<Path> files = Files.list(externalDir)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                        .sorted().toList()) {
                    list.add(new Jurisdiction(readFile(p), p.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取属地数据目录 " + externalDir, e);
            }
        }
        Set<String> codes = new HashSet<>();
        for (Jurisdiction j : list)
            if (!codes.add(j.code())) throw new IllegalArgumentException("属地代码重复：" + j.code() + "（" + j.source() + "）");
        DutyFile duties = readResource(DUTIES, DutyFile.class);
        for (Jurisdiction j : list) validateCategories(j, duties);
        return new JurisdictionData(list, duties, readResource(DIVISIONS, DivisionsFile.class));
    }

    /**
     * The outcome of a tolerant load: the jurisdictions that loaded, one message per rejected external file
     * (naming the file and the offending field), and a short digest of every file read (the data version).
     */
    public record LoadResult(JurisdictionData data, List<String> errors, String version) {
        public LoadResult {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Like {@link #load} but an invalid external file (or a missing external directory) does not stop the
     * others: it is skipped and reported in {@link LoadResult#errors()}. The classpath files must be valid.
     */
    public static LoadResult loadTolerant(List<String> classpathFiles, Path externalDir) {
        MessageDigest digest = sha256();
        List<Jurisdiction> list = new ArrayList<>();
        for (String resource : classpathFiles) {
            digest.update(resourceBytes(resource));
            list.add(new Jurisdiction(readResource(resource, JurisdictionFile.class), "classpath:" + resource));
        }
        DutyFile duties = readResource(DUTIES, DutyFile.class);
        digest.update(resourceBytes(DUTIES));
        for (Jurisdiction j : list) validateCategories(j, duties);
        List<String> errors = new ArrayList<>();
        if (externalDir != null) {
            if (!Files.isDirectory(externalDir)) {
                errors.add("属地数据目录不存在：" + externalDir.toAbsolutePath());
            } else {
                List<Path> files;
                try (Stream<Path> s = Files.list(externalDir)) {
                    files = s.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                            .sorted().toList();
                } catch (IOException e) {
                    files = List.of();
                    errors.add("无法读取属地数据目录 " + externalDir + "：" + e.getMessage());
                }
                for (Path p : files) {
                    try {
                        Jurisdiction j = new Jurisdiction(readFile(p), p.toString());
                        for (Jurisdiction other : list)
                            if (other.code().equals(j.code()))
                                throw new IllegalArgumentException("属地文件 " + p + "：字段 code “" + j.code() + "” 与 " + other.source() + " 重复");
                        validateCategories(j, duties);
                        digest.update(Files.readAllBytes(p));
                        list.add(j);
                    } catch (IllegalArgumentException | IOException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new LoadResult(new JurisdictionData(list, duties, readResource(DIVISIONS, DivisionsFile.class)), errors, version);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resourceBytes(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) cl = JurisdictionLoader.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("类路径上找不到属地数据：" + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JurisdictionFile readFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return YAML.readValue(in, JurisdictionFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("属地文件格式错误：" + path + "：" + e.getMessage(), e);
        }
    }

    private static <T> T readResource(String resource, Class<T> type) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) cl = JurisdictionLoader.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("类路径上找不到属地数据：" + resource);
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("属地数据格式错误：" + resource + "：" + e.getMessage(), e);
        }
    }

    private static void validateCategories(Jurisdiction j, DutyFile duties) {
        Set<String> known = duties.categories().keySet();
        JurisdictionFile f = j.file();
        List<String> used = new ArrayList<>();
        if (f.units() != null) {
            if (f.units().city() != null) used.addAll(f.units().city().keySet());
            if (f.units().county() != null) used.addAll(f.units().county().keySet());
            if (f.units().zone() != null) used.addAll(f.units().zone().keySet());
        }
        if (f.cityEntities() != null) f.cityEntities().forEach(e -> {
            if (e.category() != null) used.add(e.category());
        });
        if (f.duties() != null) used.addAll(f.duties().keySet());
        for (String c : used)
            if (!known.contains(c)) throw new IllegalArgumentException("属地文件 " + j.source() + "：未知部门类别 “" + c + "”");
    }
}
