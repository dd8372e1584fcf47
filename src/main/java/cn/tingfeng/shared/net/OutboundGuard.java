package cn.tingfeng.shared.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard of every outgoing request (crawler and webhooks). A URL must be absolute http(s) with a host; its
 * host is resolved once, and <em>every</em> address must be public unless the caller exempts this destination (a
 * source's own host with {@code allowPrivateNetwork}) or the {@link AllowList} permits it. The caller then connects
 * to the returned {@link Target#address()} (see {@link PinnedHttp}), never resolving the name again, so that a DNS
 * answer that changes between check and connection (rebinding) cannot reach an internal address.
 */
public final class OutboundGuard {

    /** A checked destination: connect to {@code address}, send {@code host} as Host header and TLS SNI. */
    public record Target(URI url, boolean https, String host, int port, InetAddress address) {
    }

    /** The destination is refused; the message (Chinese) names host and address. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Resolver resolver;
    private final AllowList allowList;

    public OutboundGuard(Resolver resolver, AllowList allowList) {
        this.resolver = resolver;
        this.allowList = allowList;
    }

    public static OutboundGuard publicOnly() {
        return new OutboundGuard(Resolver.SYSTEM, AllowList.NONE);
    }

    /**
     * @param exempt internal addresses allowed for this destination (the caller decides, e.g. a source's own host)
     * @throws Refused              not http(s), no host, or an internal address not exempted or allow-listed
     * @throws UnknownHostException the name does not resolve
     */
    public Target check(URI url, boolean exempt) throws Refused, UnknownHostException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("只允许 http/https 地址：" + url);
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("地址缺少主机名：" + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new Refused("地址不得包含用户名或密码：" + url.getHost());
        }
        boolean https = scheme.equals("https");
        int port = url.getPort() > 0 ? url.getPort() : (https ? 443 : 80);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all = resolver.resolve(bare);
        if (all == null || all.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress a : all) {
            if (isInternal(a) && !exempt && !allowList.permits(bare, port, a)) {
                throw new Refused("拒绝访问内网或本机地址：" + bare + " → " + a.getHostAddress());
            }
        }
        return new Target(url, https, bare, port, all[0]);
    }

    /** Convenience: null when allowed, else the reason (an unresolvable name is a reason too). */
    public String refusal(URI url, boolean exempt) {
        try {
            check(url, exempt);
            return null;
        } catch (Refused r) {
            return r.getMessage();
        } catch (UnknownHostException e) {
            return "无法解析主机名：" + url.getHost();
        }
    }

    /** Loopback, private, link-local, any-local, multicast, CGNAT, benchmark, reserved, ULA, mapped/NAT64 forms. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            int b2 = b[2] & 0xff;
            return b0 == 0 || (b0 == 100 && b1 >= 64 && b1 < 128) || (b0 == 198 && (b1 == 18 || b1 == 19))
                    || (b0 == 192 && b1 == 0 && b2 == 0) || b0 >= 240;
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (b0 == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return true; // site-local fec0::/10 (deprecated)
            }
            boolean zero10 = true;
            for (int i = 0; i < 10; i++) {
                zero10 &= b[i] == 0;
            }
            boolean mapped = zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zero10 && b[10] == 0 && b[11] == 0;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
