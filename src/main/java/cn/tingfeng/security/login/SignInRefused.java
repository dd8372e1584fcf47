package cn.tingfeng.security.login;

import java.time.Instant;

/** A sign-in refused: wrong credentials, or a lock in force until {@link #lockedUntil()} (null when not locked). */
public class SignInRefused extends SecurityException {
    private final transient Instant lockedUntil;

    public SignInRefused(String message, Instant lockedUntil) {
        super(message);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean locked() {
        return lockedUntil != null;
    }
}
