package cn.tingfeng.shared;

import java.util.List;

/** A failure the API reports as-is: HTTP status, machine code and a Chinese message. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final List<ApiError.FieldError> details;

    public ApiException(int status, String error, String message, List<ApiError.FieldError> details) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public ApiException(int status, String error, String message) {
        this(status, error, message, List.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + "不存在");
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "validation_failed", "请求参数有误", List.of(new ApiError.FieldError(field, message)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<ApiError.FieldError> details() {
        return details;
    }
}
