package cn.tingfeng.tracking.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.tingfeng.notify.WebhookClient;
import cn.tingfeng.shared.net.AllowList;
import cn.tingfeng.shared.net.OutboundGuard;
import cn.tingfeng.shared.net.Resolver;

/** The tracker's group robots go through the same guard: nothing reaches loopback unless allow-listed. */
class WebhookSenderGuardTest {
    HttpServer robot;
    final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(ok);
            }
        });
        robot.start();
    }

    @AfterEach
    void stop() {
        robot.stop(0);
    }

    WebhookSender sender(Resolver resolver, AllowList allow) {
        WebhookSender s = new WebhookSender();
        s.clock = Clock.systemUTC();
        s.webhooks = WebhookClient.with(resolver, allow);
        return s;
    }

    String url(String host) {
        return "http://" + host + ":" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=k";
    }

    @Test
    void loopbackAndMetadataTargetsAreRefusedWhenSending() {
        WebhookSender s = sender(Resolver.SYSTEM, AllowList.NONE);
        s.postWecom(url("127.0.0.1"), "督办提醒");
        s.postDingtalk(url("localhost"), "SEC", "督办提醒");
        s.postWecom("http://169.254.169.254/latest/meta-data/", "督办提醒");
        assertThat(received).isEmpty();
    }

    @Test
    void anAllowListedIntranetRobotReceivesTheMessage() {
        WebhookSender s = sender(Resolver.SYSTEM, AllowList.parse(List.of("127.0.0.1:" + robot.getAddress().getPort())));
        s.postWecom(url("127.0.0.1"), "督办提醒");
        assertThat(received).singleElement().satisfies(b -> assertThat(b).contains("督办提醒"));
    }

    @Test
    void aRebindingNameCannotReachLoopback() {
        Resolver rebinding = host -> {
            boolean checking = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(f -> f.anyMatch(x -> x.getDeclaringClass() == OutboundGuard.class));
            return new InetAddress[] {InetAddress.getByName(checking ? "203.0.113.7" : "127.0.0.1")};
        };
        sender(rebinding, AllowList.NONE).postWecom(url("robot.rebind.test"), "督办提醒");
        assertThat(received).isEmpty();
    }
}
