package cn.tingfeng.notify;

import java.io.IOException;

/** A webhook target the SSRF guard refuses: nothing was sent, and retrying will not help. */
public class WebhookRefused extends IOException {
    public WebhookRefused(String reason) {
        super(reason);
    }
}
