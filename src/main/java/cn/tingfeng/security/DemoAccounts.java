package cn.tingfeng.security;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.shared.TingfengConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The {@code demo} profile's accounts, one per role (passwords in the README). Never active in production:
 * it runs only when {@code tingfeng.demo-accounts=true}, which only the demo profile sets.
 */
@ApplicationScoped
public class DemoAccounts {
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    /** The unit the demo department account acts for. */
    static final String DEMO_UNIT = "灌云县教育局";

    @Inject
    TingfengConfig config;
    @Inject
    UserService userService;
    @Inject
    UserRepository users;
    @Inject
    UnitDirectory units;

    /** After the jurisdiction seeder (priority 100) so the demo unit exists. */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        if (config.demoAccounts()) {
            create();
        }
    }

    @Transactional
    void create() {
        add("analyst", "analyst-demo", Roles.ANALYST, null, "演示分析员");
        add("leader", "leader-demo", Roles.LEADER, null, "演示领导");
        add("supervisor", "supervisor-demo", Roles.SUPERVISOR, null, "演示督查室");
        units.idOf(DEMO_UNIT).ifPresentOrElse(
                unitId -> add("dept", "dept-demo", Roles.DEPARTMENT, unitId, "演示承办人（" + DEMO_UNIT + "）"),
                () -> LOG.warnf("演示单位 %s 不存在，未创建演示部门账号", DEMO_UNIT));
        add("demo-admin", "admin-demo", Roles.ADMIN, null, "演示管理员");
        LOG.info("demo 配置：已准备演示账号 analyst / leader / supervisor / dept / demo-admin（密码见 README）");
    }

    private void add(String username, String password, String role, Long unitId, String name) {
        if (users.findByUsername(username).isEmpty()) {
            userService.createSeeded(new UserService.NewUser(username, password, Set.of(role), unitId, name));
        }
    }
}
