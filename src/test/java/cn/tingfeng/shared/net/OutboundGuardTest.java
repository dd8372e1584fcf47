package cn.tingfeng.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Resolver fixed(String... addresses) {
        return host -> java.util.Arrays.stream(addresses).map(OutboundGuardTest::ip).toArray(InetAddress[]::new);
    }

    @Test
    void internalAddressesInEveryFormAreRecognised() {
        for (String a : List.of("127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "198.18.0.1", "240.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
                "64:ff9b::a9fe:a9fe", "224.0.0.1")) {
            assertThat(OutboundGuard.isInternal(ip(a))).as(a).isTrue();
        }
        for (String a : List.of("203.0.113.7", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(OutboundGuard.isInternal(ip(a))).as(a).isFalse();
        }
    }

    @Test
    void oneInternalAnswerAmongPublicOnesRefusesTheName() {
        OutboundGuard g = new OutboundGuard(fixed("203.0.113.7", "127.0.0.1"), AllowList.NONE);
        assertThatThrownBy(() -> g.check(URI.create("http://mixed.example/"), false))
                .isInstanceOf(OutboundGuard.Refused.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void theCheckedTargetCarriesTheAddressToConnectTo() throws Exception {
        OutboundGuard g = new OutboundGuard(fixed("203.0.113.7"), AllowList.NONE);
        OutboundGuard.Target t = g.check(URI.create("https://robot.example/send?key=1"), false);
        assertThat(t.address()).isEqualTo(ip("203.0.113.7"));
        assertThat(t.host()).isEqualTo("robot.example");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.https()).isTrue();
    }

    @Test
    void nonHttpSchemesAndUserInfoAreRefused() {
        OutboundGuard g = new OutboundGuard(fixed("203.0.113.7"), AllowList.NONE);
        for (String u : List.of("file:///etc/passwd", "gopher://x.example/", "javascript:alert(1)", "http://user:pw@x.example/")) {
            assertThat(g.refusal(URI.create(u), false)).as(u).isNotNull();
        }
    }

    @Test
    void allowListEntriesMatchHostPortOrCidrOnly() {
        AllowList allow = AllowList.parse(List.of("robot.intranet:8080", "10.20.0.0/16", "127.0.0.1"));
        OutboundGuard g = new OutboundGuard(fixed("10.99.0.5"), allow);
        assertThat(g.refusal(URI.create("http://robot.intranet:8080/send"), false)).isNull();
        assertThat(g.refusal(URI.create("http://robot.intranet:9090/send"), false)).isNotNull();
        assertThat(g.refusal(URI.create("http://other.intranet:8080/send"), false)).isNotNull();
        OutboundGuard cidr = new OutboundGuard(fixed("10.20.3.4"), allow);
        assertThat(cidr.refusal(URI.create("http://anything.intranet/send"), false)).isNull();
        OutboundGuard loop = new OutboundGuard(Resolver.SYSTEM, allow);
        assertThat(loop.refusal(URI.create("http://127.0.0.1:1234/x"), false)).isNull();
        assertThat(loop.refusal(URI.create("http://127.0.0.2:1234/x"), false)).isNotNull();
        assertThat(loop.refusal(URI.create("http://169.254.169.254/latest/meta-data/"), false)).isNotNull();
        assertThatThrownBy(() -> AllowList.parse(List.of("10.0.0.0/99"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowList.parse(List.of("host:notaport"))).isInstanceOf(IllegalArgumentException.class);
    }
}
