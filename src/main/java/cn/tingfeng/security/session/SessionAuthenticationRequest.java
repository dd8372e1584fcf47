package cn.tingfeng.security.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The value of the {@code tingfeng-session} cookie, to be resolved against {@code app_session}. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;

    public SessionAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
