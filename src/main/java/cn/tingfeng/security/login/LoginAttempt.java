package cn.tingfeng.security.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sign-in attempt: who, from where, when, how, and how it ended (table {@code login_attempt}). */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String address;

    /** {@code form}, {@code basic} or {@code token}. */
    @Column(nullable = false)
    public String mechanism;

    /** See {@link Outcome}. */
    @Column(nullable = false)
    public String outcome;

    /** The attempt came from a browser that had signed in to this account before (known-device cookie). */
    @Column(name = "known_device", nullable = false)
    public boolean knownDevice;

    /** How an attempt ended. Only {@link #BAD_PASSWORD} and {@link #UNKNOWN_USER} count towards a lock. */
    public enum Outcome {
        OK, BAD_PASSWORD, UNKNOWN_USER, DISABLED, LOCKED, CLEARED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean isFailure() {
            return this == BAD_PASSWORD || this == UNKNOWN_USER;
        }
    }
}
