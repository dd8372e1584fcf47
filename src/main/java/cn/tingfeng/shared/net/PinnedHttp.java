package cn.tingfeng.shared.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client that connects to the address the {@link OutboundGuard} checked and nothing else: a plain
 * socket to {@code target.address()}, for https a TLS layer over it with SNI and certificate host-name verification
 * for {@code target.host()}; {@code Host} carries the original name. No proxy, no name resolution, no redirects, no
 * connection reuse ({@code Connection: close}). Every read is bounded by the read timeout and by a total deadline.
 */
public final class PinnedHttp {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** The deadline of an exchange passed: connect, TLS, headers and body together took too long. */
    public static final class DeadlineExceeded extends IOException {
        public DeadlineExceeded(String message) {
            super(message);
        }
    }

    /**
     * @param headers  request headers in order (Host, Content-Length and Connection are set here)
     * @param deadline total time for connect, TLS, request and the whole response body
     */
    public record Request(String method, OutboundGuard.Target target, Map<String, String> headers, byte[] body,
                          Duration connectTimeout, Duration readTimeout, Duration deadline) {
        public Request {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /** Status, headers (case-insensitive) and the body stream; close it to close the connection. */
    public static final class Response implements Closeable {
        private final int status;
        private final Map<String, List<String>> headers;
        private final InputStream body;
        private final Socket socket;

        Response(int status, Map<String, List<String>> headers, InputStream body, Socket socket) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.socket = socket;
        }

        public int status() {
            return status;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public long contentLength() {
            String v = header("Content-Length");
            try {
                return v == null ? -1 : Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        public InputStream body() {
            return body;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private PinnedHttp() {
    }

    public static Response exchange(Request r) throws IOException {
        return exchange(r, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS socket factory to use for https (tests: a trust store of their own). */
    public static Response exchange(Request r, SSLSocketFactory tls) throws IOException {
        long deadline = System.nanoTime() + r.deadline().toNanos();
        OutboundGuard.Target t = r.target();
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(new InetSocketAddress(t.address(), t.port()), timeout(r.connectTimeout(), deadline));
            Socket s = socket;
            if (t.https()) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, t.host(), t.port(), true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isLiteral(t.host())) {
                    p.setServerNames(List.of(new SNIHostName(t.host())));
                }
                ssl.setSSLParameters(p);
                ssl.setSoTimeout(timeout(r.readTimeout(), deadline));
                ssl.startHandshake();
                s = ssl;
            }
            s.setSoTimeout(timeout(r.readTimeout(), deadline));
            writeRequest(s.getOutputStream(), r);
            InputStream in = new BufferedInputStream(new DeadlineInputStream(s.getInputStream(), s, r.readTimeout(), deadline), 8192);
            int status;
            Map<String, List<String>> headers;
            while (true) {
                String statusLine = line(in);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    throw new IOException("不是 HTTP 响应：" + abbreviate(statusLine));
                }
                try {
                    status = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IOException("无效的 HTTP 状态：" + abbreviate(statusLine));
                }
                headers = headers(in);
                if (status >= 100 && status < 200 && status != 101) {
                    continue; // 100 Continue, 103 Early Hints
                }
                break;
            }
            InputStream body;
            String te = first(headers, "Transfer-Encoding");
            String cl = first(headers, "Content-Length");
            if (r.method().equals("HEAD") || status == 204 || status == 304 || status < 200) {
                body = InputStream.nullInputStream();
            } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = new ChunkedInputStream(in);
            } else if (cl != null) {
                long n;
                try {
                    n = Long.parseLong(cl.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("无效的 Content-Length：" + abbreviate(cl));
                }
                body = new BoundedInputStream(in, n);
            } else {
                body = in;
            }
            return new Response(status, headers, body, s);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void writeRequest(OutputStream out, Request r) throws IOException {
        OutboundGuard.Target t = r.target();
        String path = t.url().getRawPath() == null || t.url().getRawPath().isEmpty() ? "/" : t.url().getRawPath();
        if (t.url().getRawQuery() != null) {
            path += "?" + t.url().getRawQuery();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(r.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean defaultPort = t.port() == (t.https() ? 443 : 80);
        String host = t.host().contains(":") ? "[" + t.host() + "]" : t.host();
        sb.append("Host: ").append(host).append(defaultPort ? "" : ":" + t.port()).append("\r\n");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Connection")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || h.getValue() == null
                    || h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
                throw new IOException("无效的请求头：" + name);
            }
            sb.append(name).append(": ").append(h.getValue()).append("\r\n");
        }
        if (r.body() != null) {
            sb.append("Content-Length: ").append(r.body().length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (r.body() != null) {
            out.write(r.body());
        }
        out.flush();
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; ; i++) {
            String l = line(in);
            if (l.isEmpty()) {
                return h;
            }
            if (i >= MAX_HEADERS) {
                throw new IOException("响应头过多");
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            h.computeIfAbsent(l.substring(0, colon).strip(), k -> new ArrayList<>()).add(l.substring(colon + 1).strip());
        }
    }

    private static String first(Map<String, List<String>> h, String name) {
        List<String> v = h.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** One line ending in CRLF or LF, ISO-8859-1, bounded. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > MAX_LINE) {
                throw new IOException("响应头行过长");
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("连接在响应头之前关闭");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static int timeout(Duration configured, long deadline) throws DeadlineExceeded {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new DeadlineExceeded("超过总时限");
        }
        long ms = Math.min(configured.toMillis(), remaining);
        return (int) Math.max(1, Math.min(ms, Integer.MAX_VALUE));
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Sets the socket timeout to min(read timeout, time left) before each read; past the deadline it fails. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private final Socket socket;
        private final Duration readTimeout;
        private final long deadline;

        DeadlineInputStream(InputStream in, Socket socket, Duration readTimeout, long deadline) {
            super(in);
            this.socket = socket;
            this.readTimeout = readTimeout;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int t = timeout(readTimeout, deadline);
            socket.setSoTimeout(t);
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                if (t < readTimeout.toMillis() || System.nanoTime() - deadline >= 0) { // the deadline was the bound
                    throw new DeadlineExceeded("超过总时限");
                }
                throw e;
            }
        }
    }

    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = super.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(Math.min(n, left)) ;
        }
    }

    /** Transfer-Encoding: chunked (RFC 9112 §7.1); trailers are read and dropped. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        private boolean next() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                String size = line(in);
                int semi = size.indexOf(';');
                String hex = (semi >= 0 ? size.substring(0, semi) : size).strip();
                try {
                    left = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("无效的分块长度：" + abbreviate(size));
                }
                if (left < 0) {
                    throw new IOException("无效的分块长度");
                }
                if (left == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!next()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("分块传输提前结束");
            }
            left -= n;
            if (left == 0) {
                line(in); // CRLF after the chunk data
            }
            return n;
        }
    }
}
