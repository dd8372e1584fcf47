package cn.tingfeng.security;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.shared.TingfengConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * First start: creates user {@code admin}. The password comes from TINGFENG_ADMIN_PASSWORD, otherwise a random
 * one is generated and printed once in the log. An existing admin is never touched.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    static final String ADMIN = "admin";

    @Inject
    TingfengConfig config;
    @Inject
    UserService userService;
    @Inject
    UserRepository users;

    void onStart(@Observes StartupEvent event) {
        ensureAdmin();
    }

    /** Creates {@code admin} when missing; returns true when it did. */
    public boolean ensureAdmin() {
        return ensureAdmin(config.adminPassword());
    }

    @Transactional
    boolean ensureAdmin(Optional<String> configuredPassword) {
        if (users.findByUsername(ADMIN).isPresent()) {
            return false;
        }
        Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(AdminBootstrap::randomPassword);
        userService.createSeeded(new UserService.NewUser(ADMIN, password, Set.of(Roles.ADMIN), null, "系统管理员"));
        if (configured.isPresent() && !userService.policy().problems(password, ADMIN).isEmpty()) {
            LOG.warnf("TINGFENG_ADMIN_PASSWORD 不符合密码要求（%s）：请登录后立即修改",
                    String.join("；", userService.policy().problems(password, ADMIN)));
        } else if (configured.isPresent()) {
            LOG.info("已创建管理员账号 admin，密码取自 TINGFENG_ADMIN_PASSWORD");
        } else {
            LOG.warnf("已创建管理员账号 admin，初始密码：%s （仅显示这一次，请登录后尽快修改；"
                    + "也可在首次启动前设置 TINGFENG_ADMIN_PASSWORD）", password);
        }
        return true;
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
