package cn.tingfeng.testsupport;

import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.security.UserRepository;
import cn.tingfeng.security.UserService;
import cn.tingfeng.shared.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * Accounts for {@code @QuarkusTest}s: one per role ({@code t-admin}, {@code t-analyst}, {@code t-department},
 * {@code t-leader}, {@code t-supervisor}) with {@link #PASSWORD}, and a second department account {@code t-other-dept}
 * of another unit, for "a department sees only its own items" tests.
 */
@ApplicationScoped
public class TestAccounts {
    public static final String PASSWORD = "test-password-1";
    public static final String TEST_TERRITORY_CODE = "TEST-COUNTY";

    @Inject
    UserService userService;
    @Inject
    UserRepository users;
    @Inject
    TerritoryRepository territories;
    @Inject
    UnitRepository units;

    private Long unitId;
    private Long otherUnitId;

    /** The unit of {@code t-department} (测试县教育局). */
    public Long unitId() {
        return unitId;
    }

    /** The unit of {@code t-other-dept} (测试县卫生健康委员会). */
    public Long otherUnitId() {
        return otherUnitId;
    }

    void onStart(@Observes @Priority(300) StartupEvent event) {
        setUp();
    }

    @Transactional
    void setUp() {
        Territory t = territories.findByCode(TEST_TERRITORY_CODE).orElseGet(() -> {
            Territory n = new Territory();
            n.code = TEST_TERRITORY_CODE;
            n.name = "测试县";
            n.level = Territory.COUNTY;
            n.kind = "county";
            n.jurisdiction = "TEST";
            territories.persist(n);
            return n;
        });
        unitId = unit(t, "测试县教育局", "education").id;
        otherUnitId = unit(t, "测试县卫生健康委员会", "health").id;
        account("t-admin", Roles.ADMIN, null);
        account("t-analyst", Roles.ANALYST, null);
        account("t-department", Roles.DEPARTMENT, unitId);
        account("t-other-dept", Roles.DEPARTMENT, otherUnitId);
        account("t-leader", Roles.LEADER, null);
        account("t-supervisor", Roles.SUPERVISOR, null);
    }

    private Unit unit(Territory t, String name, String category) {
        return units.findByName(name).orElseGet(() -> {
            Unit u = new Unit();
            u.name = name;
            u.category = category;
            u.level = "county";
            u.territory = t;
            units.persist(u);
            return u;
        });
    }

    private void account(String username, String role, Long unit) {
        if (users.findByUsername(username).isEmpty()) {
            userService.createSeeded(new UserService.NewUser(username, PASSWORD, Set.of(role), unit, username));
        }
    }

    /** REST-assured request as this test user (HTTP Basic, JSON). */
    public static io.restassured.specification.RequestSpecification as(String username) {
        return io.restassured.RestAssured.given().auth().preemptive().basic(username, PASSWORD).contentType("application/json");
    }

    /** The test account that has exactly this role. */
    public static String userFor(String role) {
        return "t-" + role;
    }
}
