package cn.tingfeng.shared.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Internal destinations an operator allows explicitly (intranet robots): entries {@code host}, {@code host:port},
 * {@code [v6]:port} matched against the URL's host as written, or CIDR blocks ({@code 10.1.2.0/24}, {@code fd00::/8})
 * matched against the resolved address. Everything else internal stays refused.
 */
public final class AllowList {

    public static final AllowList NONE = new AllowList(List.of(), List.of());

    private record HostEntry(String host, int port) {
    }

    private record Cidr(byte[] network, int bits) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }

    private final List<HostEntry> hosts;
    private final List<Cidr> blocks;

    private AllowList(List<HostEntry> hosts, List<Cidr> blocks) {
        this.hosts = List.copyOf(hosts);
        this.blocks = List.copyOf(blocks);
    }

    /** Parses the entries; throws {@link IllegalArgumentException} naming the first bad one. */
    public static AllowList parse(List<String> entries) {
        List<HostEntry> hosts = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty() || e.equals("none")) {
                continue;
            }
            if (e.contains("/")) {
                String[] parts = e.split("/", 2);
                try {
                    byte[] net = literal(parts[0]).getAddress();
                    int bits = Integer.parseInt(parts[1]);
                    if (bits < 0 || bits > net.length * 8) {
                        throw new IllegalArgumentException("允许列表条目的前缀长度无效：" + raw);
                    }
                    blocks.add(new Cidr(net, bits));
                } catch (NumberFormatException | UnknownHostException ex) {
                    throw new IllegalArgumentException("允许列表条目不是有效的 CIDR：" + raw);
                }
                continue;
            }
            String host = e;
            int port = -1;
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("允许列表条目格式错误：" + raw);
                }
                host = e.substring(1, close);
                port = e.length() > close + 1 ? port(e.substring(close + 1), raw) : -1;
            } else if (e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':')) {
                host = e.substring(0, e.indexOf(':'));
                port = port(e.substring(e.indexOf(':')), raw);
            }
            if (host.isEmpty() || !host.matches("[a-z0-9.\\-:]+")) {
                throw new IllegalArgumentException("允许列表条目格式错误：" + raw);
            }
            hosts.add(new HostEntry(host, port));
        }
        return new AllowList(hosts, blocks);
    }

    private static int port(String colonPort, String raw) {
        try {
            int p = Integer.parseInt(colonPort.substring(1));
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("允许列表条目的端口无效：" + raw);
        }
    }

    private static InetAddress literal(String s) throws UnknownHostException {
        if (!s.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            throw new UnknownHostException(s);
        }
        return InetAddress.getByName(s); // a literal: no lookup
    }

    public boolean isEmpty() {
        return hosts.isEmpty() && blocks.isEmpty();
    }

    /** Whether the destination (host as written in the URL, effective port, one resolved address) is allowed. */
    public boolean permits(String host, int port, InetAddress address) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (HostEntry e : hosts) {
            if (e.host().equals(h) && (e.port() < 0 || e.port() == port)) {
                return true;
            }
        }
        for (Cidr c : blocks) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
