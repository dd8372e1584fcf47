package cn.tingfeng.security.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code Authorization: Bearer tf_…} value. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String token;

    public ApiTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
