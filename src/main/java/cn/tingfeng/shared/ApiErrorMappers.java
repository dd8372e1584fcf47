package cn.tingfeng.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
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
    public Response apiException(ApiException e, HttpServerRequest req) {
        if (isWebPage(req)) {
            String message = e.details().isEmpty() ? e.getMessage()
                    : e.details().stream().map(ApiError.FieldError::message).collect(Collectors.joining("；"));
            return html(e.status(), message);
        }
        return json(e.status(), new ApiError(e.error(), e.getMessage(), e.details()));
    }

    /**
     * A request body that cannot be read — a multipart body cut short or without its boundary, a form that does not
     * decode — is the client's error: 400. Any other I/O failure is the server's: logged, 500.
     */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, HttpServerRequest req) {
        boolean body = false;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().contains("FormBodyHandler") || f.getClassName().contains("MultiPart")
                    || f.getClassName().contains("FormEncodedDataDefinition")) {
                body = true;
                break;
            }
        }
        if (body) {
            LOG.infof("unreadable request body: %s %s (%s)", req.method(), req.path(), e.getMessage());
            String message = "请求体格式不正确（表单或文件上传内容不完整），请重新提交";
            return isWebPage(req) ? html(400, message) : json(400, ApiError.of("malformed_request", message));
        }
        LOG.error("request failed: " + req.method() + " " + req.path(), e);
        return isWebPage(req) ? html(500, "服务器处理请求时出错，已记录日志。请稍后重试，或联系系统管理员。")
                : json(500, ApiError.of("internal_error", "服务器内部错误，已记录日志"));
    }

    /** Anything unforeseen: logged with its stack trace, answered with a Chinese message and no detail. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest req) {
        LOG.error("request failed: " + req.method() + " " + req.path(), e);
        return isWebPage(req) ? html(500, "服务器处理请求时出错，已记录日志。请稍后重试，或联系系统管理员。")
                : json(500, ApiError.of("internal_error", "服务器内部错误，已记录日志"));
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
        String reason = "取值格式不正确";
        if (e instanceof JsonMappingException m && m.getOriginalMessage() != null) {
            int at = m.getOriginalMessage().indexOf(ApiObjectMapper.REFUSED);
            if (at >= 0) {
                reason = m.getOriginalMessage().substring(at + ApiObjectMapper.REFUSED.length());
            }
        }
        List<ApiError.FieldError> details = field == null ? List.of()
                : List.of(new ApiError.FieldError(field, reason));
        return json(400, new ApiError("malformed_request",
                field == null ? "请求体不是有效的 JSON" : "字段 " + field + " " + reason, details));
    }

    /** Takes precedence over Quarkus' built-in mapper, which would answer in its own shape. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest req) {
        if (isWebPage(req)) {
            return html(403, "当前账号无权访问这个页面或执行这个操作。");
        }
        return json(403, ApiError.of("forbidden", "当前账号无权执行此操作"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest req) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ApiException api) {
                return apiException(api, req);
            }
        }
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
        if (isWebPage(req)) {
            return html(status, switch (status) {
                case 404 -> "您要找的页面不存在，可能已被移除或地址有误。";
                case 405 -> "这个页面不支持该操作。";
                default -> message;
            });
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

    /** A page of the web UI asked for it, and not one of its scripts (which ask for JSON). */
    private static boolean isWebPage(HttpServerRequest req) {
        if (req == null || !ErrorPages.isWeb(req.path())) {
            return false;
        }
        String accept = req.getHeader("Accept");
        String type = req.getHeader("Content-Type");
        return !(accept != null && accept.contains("application/json") || type != null && type.contains("application/json"));
    }

    private static Response html(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(ErrorPages.html(status, message))
                .build();
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
