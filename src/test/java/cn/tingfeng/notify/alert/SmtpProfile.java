package cn.tingfeng.notify.alert;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** Real e-mail: quarkus-mailer talks SMTP to a local GreenMail on a free port. */
public class SmtpProfile implements QuarkusTestProfile {
    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(PORT), "quarkus.mailer.tls",
                "false", "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.from", "tingfeng@test.local"));
        return config;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
