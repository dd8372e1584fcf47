package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CSP forbids inline styles and scripts ({@code style-src 'self'; script-src 'self'}, no 'unsafe-inline'): no
 * template may carry a {@code style} attribute, a {@code <style>} block, an inline {@code <script>}, an event
 * handler attribute or a {@code javascript:} URL, or the browser would silently drop them. Every POST form carries
 * the CSRF token.
 */
class TemplatesNeedNoUnsafeInlineTest {
    private static final Pattern INLINE = Pattern.compile(
            "\\sstyle\\s*=|<style[\\s>]|<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern POST_FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(?!\\{#csrf /\\})",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesHaveNoInlineStylesScriptsOrHandlersAndEveryPostFormHasTheToken() throws IOException {
        List<String> inline = new ArrayList<>();
        List<String> tokenless = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f, StandardCharsets.UTF_8);
                INLINE.matcher(html).results().forEach(m -> inline.add(f + ": " + m.group()));
                if (!f.endsWith("login.html")) {
                    POST_FORM.matcher(html).results().forEach(m -> tokenless.add(f + ": " + m.group()));
                }
            }
        }
        assertThat(inline).as("inline styles/scripts the CSP would block").isEmpty();
        assertThat(tokenless).as("POST forms without {#csrf /}").isEmpty();
    }
}
