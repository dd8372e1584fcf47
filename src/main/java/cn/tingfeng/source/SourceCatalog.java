package cn.tingfeng.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sources of one {@code crawlers/} folder. Loading never stops at a bad file: valid definitions are
 * kept, invalid ones are reported with file, field and reason. Immutable; reload by loading again.
 */
public record SourceCatalog(Path directory, Map<String, SourceDefinition> sources, List<SourceError> errors) {

    public SourceCatalog {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        errors = List.copyOf(errors);
    }

    public static SourceCatalog load(Path directory) {
        return load(directory, Map.of());
    }

    /**
     * @param owners the file (name) that owns each id the application already runs. A second file claiming an owned id
     *               is rejected with the error on the newcomer, whatever the file names' order, and the owner stays as
     *               it is; only when the owner's file is gone (a rename) does the id pass to the other file. Ids nobody
     *               owns yet go to the first file by name.
     */
    public static SourceCatalog load(Path directory, Map<String, String> owners) {
        Map<String, SourceDefinition> valid = new LinkedHashMap<>();
        List<SourceError> errors = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            errors.add(new SourceError(directory.toString(), "(目录)", "来源目录不存在：" + directory.toAbsolutePath().normalize()
                    + "（当前工作目录 " + Path.of("").toAbsolutePath() + "）。请在安装目录下启动，或用 TINGFENG_CRAWLERS_DIR 指定来源目录"));
            return new SourceCatalog(directory, valid, errors);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            errors.add(new SourceError(directory.toString(), "(目录)", "无法读取：" + e.getMessage()));
            return new SourceCatalog(directory, valid, errors);
        }
        for (Path f : files) {
            SourceReader.Result r = SourceReader.read(f);
            if (!r.valid()) {
                errors.addAll(r.errors());
                continue;
            }
            SourceDefinition d = r.definition();
            String name = f.getFileName().toString();
            String owner = owners.get(d.id());
            if (owner != null && !owner.equals(name) && Files.isRegularFile(directory.resolve(owner))) {
                errors.add(new SourceError(name, "id", "与 " + owner + " 重复：" + d.id() + "（该编号已由 " + owner
                        + " 使用，本文件未加载）"));
                continue;
            }
            SourceDefinition earlier = valid.get(d.id());
            if (earlier != null) {
                errors.add(new SourceError(f.getFileName().toString(), "id",
                        "与 " + earlier.file().getFileName() + " 重复：" + d.id()));
                continue;
            }
            valid.put(d.id(), d);
        }
        return new SourceCatalog(directory, valid, errors);
    }

    public Optional<SourceDefinition> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public List<SourceDefinition> all() {
        return List.copyOf(sources.values());
    }
}
