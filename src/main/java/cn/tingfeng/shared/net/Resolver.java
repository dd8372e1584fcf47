package cn.tingfeng.shared.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to addresses. A seam so that tests can answer differently on each call (DNS rebinding). */
@FunctionalInterface
public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = InetAddress::getAllByName;
}
