package cn.tingfeng.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The API's one place for turning failures into {@link ApiError} JSON. Never a stack trace. */
public class ApiErrorMappers {
    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return json(e.status(), new ApiError(e.error(), e.getMessage(), e.details()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<ApiError.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldError::field))
                .collect(Collectors.toList());
        return json(400, new ApiError("validation_failed", "请求参数有误：" + fields.stream()
                .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("；")), fields));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        List<ApiError.FieldError> details = field == null ? List.of()
                : List.of(new ApiError.FieldError(field, "取值格式不正确"));
        return json(400, new ApiError("malformed_request",
                field == null ? "请求体不是有效的 JSON" : "字段 " + field + " 的取值格式不正确", details));
    }

    /** Takes precedence over Quarkus' built-in mapper, which would answer in its own shape. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ApiError.of("forbidden", "当前账号无权执行此操作"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (status == 401) {
            return e.getResponse();
        }
        String message = switch (status) {
            case 404 -> "请求的资源不存在";
            case 405 -> "不支持该请求方法";
            case 406, 415 -> "不支持的内容类型";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return json(status, ApiError.of(status == 404 ? "not_found" : "http_" + status, message));
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "create.arg0.username" / "create.body.username" -> "username"
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
