package cn.tingfeng.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint declares its roles. Two independent enumerations: the classes (every JAX-RS method carries a
 * role annotation, and only the pages listed here are public), and the running API's OpenAPI document (every
 * operation under /api answers 401 without credentials and 403 to each role it does not admit).
 */
@QuarkusTest
class EndpointSecurityTest {
    /** The only public JAX-RS methods: the login page and logout. */
    private static final Set<String> PUBLIC_METHODS = Set.of("WebPages.login", "LoginResource.signIn", "LoginResource.logout",
            "LoginResource.logoutPage");

    @Test
    void everyResourceMethodDeclaresItsRoles() throws IOException {
        List<String> undeclared = new ArrayList<>();
        List<String> unexpectedPublic = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                if (!isEndpoint(m)) {
                    continue;
                }
                String name = type.getSimpleName() + "." + m.getName();
                boolean methodLevel = m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(PermitAll.class)
                        || m.isAnnotationPresent(DenyAll.class) || m.isAnnotationPresent(Authenticated.class);
                boolean classLevel = type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class)
                        || type.isAnnotationPresent(Authenticated.class);
                if (!methodLevel && !classLevel) {
                    undeclared.add(name);
                }
                if (m.isAnnotationPresent(PermitAll.class) && !PUBLIC_METHODS.contains(name)) {
                    unexpectedPublic.add(name);
                }
            }
        }
        assertThat(undeclared).as("endpoints without a role annotation").isEmpty();
        assertThat(unexpectedPublic).as("endpoints opened to everyone").isEmpty();
    }

    @Test
    void everyApiOperationRejectsAnonymousAndWrongRoles() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                checked++;
                List<String> admitted = admittedRoles(op.getValue());
                if (admitted.isEmpty()) {
                    failures.add(method + " " + path.getKey() + " declares no roles");
                    continue;
                }
                int anonymous = call(given(), method, url).statusCode();
                if (anonymous != 401) {
                    failures.add(method + " " + path.getKey() + " anonymous -> " + anonymous);
                }
                for (String role : Roles.ALL) {
                    if (admitted.contains(role)) {
                        continue;
                    }
                    Response r = call(given().auth().preemptive().basic(TestAccounts.userFor(role), TestAccounts.PASSWORD),
                            method, url);
                    if (r.statusCode() != 403) {
                        failures.add(method + " " + path.getKey() + " as " + role + " -> " + r.statusCode());
                    } else if (!"forbidden".equals(r.jsonPath().getString("error"))) {
                        failures.add(method + " " + path.getKey() + " as " + role + ": 403 body is not an API error");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("API operations found in the OpenAPI document").isGreaterThanOrEqualTo(3);
    }

    @Test
    void wrongPasswordIsRejected() {
        given().auth().preemptive().basic("t-analyst", "not-the-password").get("/api/units").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "whatever-123").get("/api/units").then().statusCode(401);
    }

    @SuppressWarnings("unchecked")
    private static List<String> admittedRoles(Map<String, Object> operation) {
        Object security = operation.get("security");
        if (!(security instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (Object requirement : list) {
            for (Object scopes : ((Map<String, Object>) requirement).values()) {
                roles.addAll((List<String>) scopes);
            }
        }
        return roles;
    }

    private static Response call(RequestSpecification spec, String method, String url) {
        RequestSpecification s = spec.contentType("application/json").body("{}");
        return switch (method) {
            case "GET" -> spec.get(url);
            case "POST" -> s.post(url);
            case "PUT" -> s.put(url);
            case "PATCH" -> s.patch(url);
            default -> spec.delete(url);
        };
    }

    private static boolean isEndpoint(Method m) {
        return m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                || m.isAnnotationPresent(DELETE.class) || m.isAnnotationPresent(PATCH.class)
                || (m.isAnnotationPresent(Path.class) && !m.getReturnType().equals(Void.TYPE));
    }

    /** Every class under target/classes/cn/tingfeng annotated with @Path. */
    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path root = Paths.get("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("cn/tingfeng"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, EndpointSecurityTest.class.getClassLoader());
                    if (c.isAnnotationPresent(Path.class)) {
                        found.add(c);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // generated or unloadable helper class: not a resource
                }
            }
        }
        assertThat(found).as("resource classes found").isNotEmpty();
        return found;
    }
}
