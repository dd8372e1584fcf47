package cn.tingfeng.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {
    @Inject
    AdminBootstrap bootstrap;
    @Inject
    UserRepository users;

    @Transactional
    void deleteAdmin() {
        users.findByUsername("admin").ifPresent(users::delete);
    }

    @Test
    void configuredPasswordIsUsedAndNeverLogged() {
        deleteAdmin();
        List<String> log = capture(() -> assertThat(bootstrap.ensureAdmin(Optional.of("configured-admin-1"))).isTrue());
        given().auth().preemptive().basic("admin", "configured-admin-1").get("/api/admin/users").then().statusCode(200);
        assertThat(String.join("\n", log)).doesNotContain("configured-admin-1").contains("TINGFENG_ADMIN_PASSWORD");
    }

    @Test
    void withoutConfiguredPasswordARandomOneIsPrintedOnceAndWorks() {
        deleteAdmin();
        List<String> first = capture(() -> assertThat(bootstrap.ensureAdmin(Optional.empty())).isTrue());
        Matcher m = Pattern.compile("初始密码：(\\S+)").matcher(String.join("\n", first));
        assertThat(m.find()).as("password printed in the log: %s", first).isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        given().auth().preemptive().basic("admin", password).get("/api/admin/users").then().statusCode(200);

        List<String> second = capture(() -> assertThat(bootstrap.ensureAdmin(Optional.empty())).isFalse());
        assertThat(second).noneMatch(line -> line.contains(password));
        given().auth().preemptive().basic("admin", password).get("/api/admin/users").then().statusCode(200);
    }

    @Test
    void anExistingAdminIsNeverReset() {
        bootstrap.ensureAdmin(Optional.of("first-password-1"));
        String before = hash();
        assertThat(bootstrap.ensureAdmin(Optional.of("second-password-2"))).isFalse();
        assertThat(hash()).isEqualTo(before);
    }

    @Transactional
    String hash() {
        return users.findByUsername("admin").orElseThrow().passwordHash;
    }

    private static List<String> capture(Runnable action) {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String msg = record.getMessage();
                Object[] params = record.getParameters();
                if (params != null && params.length > 0 && msg.contains("%s")) {
                    msg = String.format(msg, params);
                }
                lines.add(msg);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AdminBootstrap.class.getName());
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
