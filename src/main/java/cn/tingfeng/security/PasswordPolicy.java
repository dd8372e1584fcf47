package cn.tingfeng.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (a pure policy): at least {@code minLength} characters, at most 72 bytes (bcrypt reads
 * no further), not one of the commonest passwords (also with digits or symbols added at either end, or letters swapped
 * for look-alike digits), not a keyboard or number run, not one character repeated, not the user name. Answers the
 * problems in Chinese, empty when the password is acceptable.
 */
public final class PasswordPolicy {
    private static final String RUNS = "01234567890 abcdefghijklmnopqrstuvwxyz qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx3edc4rfv";

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = minLength;
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords ({@code security/common-passwords.txt}). */
    public static PasswordPolicy shipped(int minLength) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(minLength, words);
    }

    public int minLength() {
        return minLength;
    }

    public List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("密码不能为空");
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add("密码至少需要 " + minLength + " 个字符");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            problems.add("密码最长 72 个字节（约 72 个英文字符或 24 个汉字）");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add("密码不能包含控制字符");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() <= 2) {
            problems.add("密码不能只由一两个字符重复组成");
        } else if (isCommon(lower)) {
            problems.add("这是最常见的密码之一（或只在其前后加了数字、符号），很容易被猜中，请换一个");
        } else if (isRun(lower)) {
            problems.add("密码不能是连续的键盘或数字序列");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("密码不能包含用户名");
        }
        return problems;
    }

    private boolean isCommon(String lower) {
        if (isCommonCore(lower)) {
            return true;
        }
        // a common password with one or two characters added at either end ("123456789a", "xqwerty123")
        for (int head = 0; head <= 2; head++) {
            for (int tail = 0; tail <= 2; tail++) {
                if (head + tail > 0 && lower.length() - head - tail >= 6
                        && isCommonCore(lower.substring(head, lower.length() - tail))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isCommonCore(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (core.length() >= 4 && (common.contains(core) || common.contains(unleet(core)))) {
            return true;
        }
        String unleeted = unleet(lower);
        if (common.contains(unleeted)) {
            return true;
        }
        String unleetedCore = unleeted.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (unleetedCore.length() >= 4 && common.contains(unleetedCore)) {
            return true;
        }
        String digitsStripped = lower.replaceAll("[^a-z0-9]+$", "").replaceAll("^[^a-z0-9]+", "");
        return common.contains(digitsStripped);
    }

    private static String unleet(String s) {
        return s.replace('@', 'a').replace('4', 'a').replace('0', 'o').replace('1', 'i').replace('!', 'i')
                .replace('3', 'e').replace('$', 's').replace('5', 's').replace('7', 't');
    }

    private static boolean isRun(String lower) {
        String all = lower.replaceAll("[^a-z0-9]", "");
        for (int head = 0; head <= 2; head++) {
            for (int tail = 0; tail <= 2; tail++) {
                if (all.length() - head - tail >= 6 && isWholeRun(all.substring(head, all.length() - tail))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWholeRun(String stripped) {
        String reversed = new StringBuilder(stripped).reverse().toString();
        for (String row : RUNS.split(" ")) {
            String doubled = row + row;
            if (doubled.contains(stripped) || doubled.contains(reversed)) {
                return true;
            }
        }
        return false;
    }
}
